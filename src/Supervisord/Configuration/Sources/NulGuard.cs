namespace Supervise.Supervisord.Configuration.Sources;

/// <summary>
/// Refuses a NUL character in a value, or in the name of a section whose name names processes, at the place it is
/// written. (A NUL in an option name, or in the name of a section that is ignored, is harmless: the option is unknown
/// and warned about, as Supervisor ignores it.) No path,
/// name, command or environment value can carry one to the OS (execve, open and bind take C strings), and .NET's path
/// APIs throw on it, so it is stopped before any binder sees it: the error is recorded, and the text goes on with
/// U+FFFD in place of each NUL, so that the binders neither throw nor add a second, misleading "missing" error.
/// </summary>
internal static class NulGuard
{
    private static readonly string[] NamedKinds = ["program:", "group:", "eventlistener:", "fcgi-program:"];

    public static string Clean(string text, string file, int line, string section, string option, DiagnosticBag bag)
    {
        var at = text.IndexOf('\0', StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }
        bag.Error(
            new ConfigDiagnostic(
                file,
                line,
                section,
                option,
                $"contains a NUL character (at character {at + 1} of {text.Length}), which no path, name or command can hold: {Echo.Repr(text)}"
            )
        );
        return text.Replace('\0', '\uFFFD');
    }

    public static string CleanSectionName(string name, string file, int line, DiagnosticBag bag) =>
        NamedKinds.Any(kind => name.StartsWith(kind, StringComparison.Ordinal))
            ? Clean(name, file, line, name, "", bag)
            : name;
}
