using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// The options each section type understands. Supervisor ignores anything else silently, so a typo such as
/// <c>autorestar=true</c> goes unnoticed; we accept it too but warn, naming the file, line, section and key.
/// </summary>
internal static class KnownOptions
{
    private static readonly string[] Program =
    [
        "command",
        "process_name",
        "numprocs",
        "numprocs_start",
        "priority",
        "autostart",
        "startsecs",
        "startretries",
        "autorestart",
        "exitcodes",
        "stopsignal",
        "stopwaitsecs",
        "stopasgroup",
        "killasgroup",
        "user",
        "redirect_stderr",
        "stdout_logfile",
        "stdout_logfile_maxbytes",
        "stdout_logfile_backups",
        "stdout_capture_maxbytes",
        "stdout_events_enabled",
        "stdout_syslog",
        "stderr_logfile",
        "stderr_logfile_maxbytes",
        "stderr_logfile_backups",
        "stderr_capture_maxbytes",
        "stderr_events_enabled",
        "stderr_syslog",
        "environment",
        "directory",
        "umask",
        "serverurl",
        // Not Supervisor's: dependencies and readiness.
        "depends_on",
        "ready",
        "ready_interval",
        "ready_timeout",
        "ready_deadline",
        .. LifecycleBinder.ProgramOptions,
    ];

    private static readonly Dictionary<string, string[]> ByKind = new(StringComparer.Ordinal)
    {
        ["supervisord"] =
        [
            "logfile",
            "logfile_maxbytes",
            "logfile_backups",
            "loglevel",
            "pidfile",
            "umask",
            "nodaemon",
            "silent",
            "minfds",
            "minprocs",
            "nocleanup",
            "childlogdir",
            "user",
            "directory",
            "strip_ansi",
            "environment",
            "identifier",
            "profile_options",
            "env_files",
            "pdeathsig",
            "subreaper",
            "watchdog",
        ],
        ["unix_http_server"] = ["file", "chmod", "chown", "username", "password"],
        ["inet_http_server"] = ["port", "username", "password"],
        ["supervisorctl"] = ["serverurl", "username", "password", "prompt", "history_file"],
        ["include"] = ["files"],
        ["group:"] = ["programs", "priority"],
        ["program:"] = Program,
        ["fcgi-program:"] = [.. Program, "socket", "socket_backlog", "socket_owner", "socket_mode"],
        ["eventlistener:"] = [.. Program, "events", "buffer_size", "result_handler"],
    };

    private static readonly HashSet<string> Everything = [.. ByKind.Values.SelectMany(v => v)];

    public static void WarnAboutUnknown(RawConfig config, DiagnosticBag bag)
    {
        foreach (var section in config.Sections.Values)
        {
            var kind = ByKind.Keys.FirstOrDefault(k =>
                k.EndsWith(':')
                    ? section.Name.StartsWith(k, StringComparison.Ordinal)
                    : section.Name == k
                        || (
                            k.EndsWith("_http_server", StringComparison.Ordinal)
                            && section.Name.StartsWith(k, StringComparison.Ordinal)
                        )
            );
            if (kind is null)
            {
                if (
                    !section.Name.StartsWith("rpcinterface:", StringComparison.Ordinal)
                    && !section.Name.StartsWith("ctlplugin:", StringComparison.Ordinal)
                )
                {
                    bag.Warning(section, "", "unknown section, ignored");
                }
                continue;
            }
            foreach (var (key, value) in section.Options)
            {
                if (!ByKind[kind].Contains(key))
                {
                    bag.Warning(value, section.Name, key, "unknown option, ignored");
                }
            }
        }
        foreach (var (key, value) in config.Defaults.Options)
        {
            if (!Everything.Contains(key))
            {
                bag.Warning(value, RawConfig.DefaultSection, key, "unknown option, ignored");
            }
        }
    }
}
