using System.CommandLine;
using Supervise.Python;

namespace Supervise.Supervisorctl.CommandLine;

/// <summary>
/// supervisorctl's command line: getopt decides where the options end (<see cref="GetoptScanner"/>), then
/// System.CommandLine binds the options in canonical form with everything after them as the action's raw words.
/// Option values are checked in order as Supervisor's Options.realize does (URL check, conflicting repeats).
/// </summary>
internal sealed class CtlCommandLine
{
    private readonly Option<string?> _configuration = new("--configuration", "-c")
    {
        Description = "configuration file path (searches if not given)",
    };
    private readonly Option<string?> _serverUrl = new("--serverurl", "-s")
    {
        Description = "URL on which supervisord server is listening",
    };
    private readonly Option<string?> _username = new("--username", "-u")
    {
        Description = "username to use for authentication with server",
    };
    private readonly Option<string?> _password = new("--password", "-p")
    {
        Description = "password to use for authentication with server",
    };
    private readonly Option<string?> _historyFile = new("--history_file", "-r")
    {
        Description = "keep a readline history",
    };
    private readonly Option<bool> _interactive = new("--interactive", "-i")
    {
        Description = "start an interactive shell",
    };
    private readonly Option<bool> _help = new("--help", "-h", "-?") { Description = "print usage message and exit" };
    private readonly Argument<string[]> _action = new("action") { Arity = ArgumentArity.ZeroOrMore };
    private readonly Command _root;

    public CtlCommandLine()
    {
        // A plain Command, not a RootCommand: Supervisor has no --version and prints its own help text, and a
        // RootCommand's default options and directives cost a resource lookup at every start of the ctl.
        _root = new Command(
            "supervisorctl",
            "supervisorctl -- control applications run by supervisord from the cmd line."
        );
        foreach (
            var option in new Option[]
            {
                _configuration,
                _serverUrl,
                _username,
                _password,
                _historyFile,
                _interactive,
                _help,
            }
        )
        {
            _root.Options.Add(option);
        }
        _root.Arguments.Add(_action);
    }

    /// <exception cref="UsageException">Any error Supervisor reports with "Error: ..." and exit 2.</exception>
    public CtlArguments Parse(IReadOnlyList<string> args)
    {
        var (options, rest) = GetoptScanner.Scan(args);
        var canonical = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (option, value) in options)
        {
            var name = Canonical(option);
            if (name == "--help")
            {
                // Supervisor prints help as soon as it meets the option, before looking at later ones.
                return new CtlArguments(null, null, null, null, null, false, Help: true, []);
            }
            if (name == "--serverurl" && !ServerUrl.LooksLikeUrl(value!))
            {
                throw new UsageException(
                    $"invalid value for {option} {PyRepr.Of(value!)}: value {PyRepr.Of(value!)} is not a URL"
                );
            }
            if (!seen.Add(name))
            {
                throw new UsageException($"conflicting command line option {PyRepr.Of(option)}");
            }
            canonical.Add(name);
            if (value is not null)
            {
                canonical.Add(value);
            }
        }
        canonical.Add("--");
        canonical.AddRange(rest);

        var result = _root.Parse(canonical, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Errors.Count > 0)
        {
            throw new UsageException(result.Errors[0].Message);
        }
        return new CtlArguments(
            result.GetValue(_configuration),
            result.GetValue(_serverUrl),
            result.GetValue(_username),
            result.GetValue(_password),
            result.GetValue(_historyFile),
            result.GetValue(_interactive),
            Help: false,
            result.GetValue(_action) ?? []
        );
    }

    private static string Canonical(string option) =>
        option switch
        {
            "-c" => "--configuration",
            "-s" => "--serverurl",
            "-u" => "--username",
            "-p" => "--password",
            "-r" => "--history_file",
            "-i" => "--interactive",
            "-h" or "-?" => "--help",
            _ => option,
        };
}
