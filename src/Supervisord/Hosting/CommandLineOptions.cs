namespace Supervise.Supervisord.Hosting;

/// <summary>
/// supervisord's command line, as Supervisor accepts it (reference §1.1): a value given here overrides the config file.
/// Errors use Supervisor's wording and exit status 2.
/// </summary>
public sealed record CommandLineOptions
{
    public string? ConfigPath { get; init; }

    public bool Nodaemon { get; init; }

    public bool Silent { get; init; }

    public bool Check { get; init; }

    public bool ShowHelp { get; init; }

    public bool ShowVersion { get; init; }

    /// <summary>Set on the re-executed child of a daemonizing start: it is already detached.</summary>
    public bool Detached { get; init; }

    public Dictionary<string, string> Overrides { get; init; } = [];

    public const string DetachedFlag = "--supervise-detached";

    private static readonly Dictionary<string, string> ValueOptions = new()
    {
        ["-u"] = "user",
        ["--user"] = "user",
        ["-m"] = "umask",
        ["--umask"] = "umask",
        ["-d"] = "directory",
        ["--directory"] = "directory",
        ["-l"] = "logfile",
        ["--logfile"] = "logfile",
        ["-y"] = "logfile_maxbytes",
        ["--logfile_maxbytes"] = "logfile_maxbytes",
        ["-z"] = "logfile_backups",
        ["--logfile_backups"] = "logfile_backups",
        ["-e"] = "loglevel",
        ["--loglevel"] = "loglevel",
        ["-j"] = "pidfile",
        ["--pidfile"] = "pidfile",
        ["-i"] = "identifier",
        ["--identifier"] = "identifier",
        ["-q"] = "childlogdir",
        ["--childlogdir"] = "childlogdir",
        ["-a"] = "minfds",
        ["--minfds"] = "minfds",
        ["--minprocs"] = "minprocs",
        ["--profile_options"] = "profile_options",
    };

    /// <returns>The options, or an error message in Supervisor's words.</returns>
    public static (CommandLineOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new CommandLineOptions();
        var overrides = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('='))
            {
                inline = arg[(arg.IndexOf('=') + 1)..];
                arg = arg[..arg.IndexOf('=')];
            }
            switch (arg)
            {
                case "-c" or "--configuration":
                    if (options.ConfigPath is not null)
                    {
                        return (null, "conflicting command line option '-c'");
                    }
                    var path = inline ?? (i + 1 < args.Count ? args[++i] : null);
                    if (path is null)
                    {
                        return (null, $"option {arg} requires argument");
                    }
                    options = options with { ConfigPath = path };
                    break;
                case "-n" or "--nodaemon":
                    options = options with { Nodaemon = true };
                    break;
                case "-s" or "--silent":
                    options = options with { Silent = true };
                    break;
                case "--check":
                    options = options with { Check = true };
                    break;
                case "-h" or "-?" or "--help":
                    options = options with { ShowHelp = true };
                    break;
                case "-v" or "--version":
                    options = options with { ShowVersion = true };
                    break;
                case "-k" or "--nocleanup":
                    overrides["nocleanup"] = "true";
                    break;
                case "-t" or "--strip_ansi":
                    overrides["strip_ansi"] = "true";
                    break;
                case DetachedFlag:
                    options = options with { Detached = true, Nodaemon = true };
                    break;
                default:
                    if (ValueOptions.TryGetValue(arg, out var key))
                    {
                        var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                        if (value is null)
                        {
                            return (null, $"option {arg} requires argument");
                        }
                        overrides[key] = value;
                        break;
                    }
                    if (arg.StartsWith('-'))
                    {
                        return (null, $"option {arg} not recognized");
                    }
                    return (null, $"positional arguments are not supported: ['{string.Join("', '", args.Skip(i))}']");
            }
        }
        return (options with { Overrides = overrides }, null);
    }

    public const string Usage = """
        supervisord -- run a set of applications as daemons.

        Usage: supervisord [options]

        Options:
        -c/--configuration FILENAME -- configuration file path (searches if not given)
        -n/--nodaemon -- run in the foreground (same as 'nodaemon=true' in config file)
        -s/--silent -- no logs to stdout (maps to 'silent=true' in config file)
        -h/--help -- print this usage message and exit
        -v/--version -- print supervisord version number and exit
        -u/--user USER -- run supervisord as this user (or numeric uid)
        -m/--umask UMASK -- use this umask for daemon subprocess (default is 022)
        -d/--directory DIRECTORY -- directory to chdir to when daemonized
        -l/--logfile FILENAME -- use FILENAME as logfile path
        -y/--logfile_maxbytes BYTES -- use BYTES to limit the max size of logfile
        -z/--logfile_backups NUM -- number of backups to keep when max bytes reached
        -e/--loglevel LEVEL -- use LEVEL as log level (debug,info,warn,error,critical)
        -j/--pidfile FILENAME -- write a pid file for the daemon process to FILENAME
        -i/--identifier STR -- identifier used for this instance of supervisord
        -q/--childlogdir DIRECTORY -- the log directory for child process logs
        -k/--nocleanup --  prevent the process from performing cleanup (removal of
                           old automatic child log files) at startup.
        -a/--minfds NUM -- the minimum number of file descriptors for start success
        -t/--strip_ansi -- strip ansi escape codes from process output
        --minprocs NUM  -- the minimum number of processes available for start success
        --profile_options OPTIONS -- run supervisord under profiler and output
                                     results based on OPTIONS, which  is a comma-sep'd
                                     list of 'cumulative', 'calls', and/or 'callers',
                                     e.g. 'cumulative,callers')
        --check -- validate the configuration, print the expanded processes and exit
        """;
}
