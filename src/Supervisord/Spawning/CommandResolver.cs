namespace Supervise.Supervisord.Spawning;

/// <summary>
/// Turns <c>command=</c> into the file to execute and its argv, with Supervisor's checks and messages
/// (ServerOptions.check_execv_args): a word with a '/' is used as is, otherwise it is looked up in the PATH of the
/// program's own environment=, else the daemon's PATH, else /bin:/usr/bin:/usr/local/bin.
/// </summary>
public static class CommandResolver
{
    private const string DefaultPath = "/bin:/usr/bin:/usr/local/bin";

    public static (string? File, IReadOnlyList<string> Argv, SpawnError? Error) Resolve(
        string command,
        string? pathVariable
    )
    {
        var argv = Configuration.CommandLine.Split(command, out var parseError);
        if (argv is null)
        {
            return (
                null,
                [],
                new SpawnError(SpawnErrorKind.BadCommand, $"can't parse command '{command}': {parseError}")
            );
        }
        if (argv.Count == 0)
        {
            return (null, [], new SpawnError(SpawnErrorKind.BadCommand, "command is empty"));
        }

        var program = argv[0];
        string? file = null;
        if (program.Contains('/'))
        {
            file = program;
        }
        else
        {
            foreach (var folder in (pathVariable ?? DefaultPath).Split(':'))
            {
                var candidate = Path.Combine(folder.Length == 0 ? "." : folder, program);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    file = candidate;
                    break;
                }
            }
        }

        if (file is null || (!File.Exists(file) && !Directory.Exists(file)))
        {
            return (null, argv, new SpawnError(SpawnErrorKind.NotFound, $"can't find command '{program}'"));
        }
        if (Directory.Exists(file))
        {
            return (null, argv, new SpawnError(SpawnErrorKind.NotExecutable, $"command at '{file}' is a directory"));
        }
        var mode = File.GetUnixFileMode(file);
        if ((mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0)
        {
            return (null, argv, new SpawnError(SpawnErrorKind.NotExecutable, $"command at '{file}' is not executable"));
        }
        return (file, argv, null);
    }
}
