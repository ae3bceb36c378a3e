using System.Globalization;

namespace Supervise.Supervisorctl.Commands;

/// <summary>Python's int(str) for the byte counts of tail/maintail: surrounding spaces, a sign and '_' separators.</summary>
internal static class PythonInt
{
    public static bool TryParse(string text, out long value)
    {
        var trimmed = text.Trim();
        var body = trimmed.TrimStart('+', '-');
        var valid = body.Length > 0 && trimmed.Length - body.Length <= 1 && char.IsAsciiDigit(body[0]) &&
                    char.IsAsciiDigit(body[^1]) && !body.Contains("__", StringComparison.Ordinal);
        value = 0;
        return valid && long.TryParse(trimmed.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out value);
    }
}
