namespace Supervise.Supervisorctl.CommandLine;

/// <summary>Supervisor's datatypes.url check: urlparse finds a scheme and a netloc or path.</summary>
internal static class ServerUrl
{
    public const string Default = "http://localhost:9001";

    public static bool LooksLikeUrl(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (
            colon <= 0
            || !char.IsAsciiLetter(value[0])
            || !value[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
        )
        {
            return false;
        }
        var rest = value[(colon + 1)..];
        var end = rest.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            rest = rest[..end];
        }
        return rest.Trim('/').Length > 0 || (rest.Length > 0 && !rest.StartsWith("//", StringComparison.Ordinal));
    }
}
