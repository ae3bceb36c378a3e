using Supervise.Python;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// The per-process part: environment, directory, the log options, command and process_name are read once per
/// process_num, with process_num and numprocs available, and with the program's own environment= variables as ENV_X
/// for everything read after environment=.
/// </summary>
internal sealed partial class ProgramBinder
{
    private ProcessConfig? BindProcess(OptionReader r, ProgramSettings settings, Dictionary<string, object> names)
    {
        var environment = DaemonBinder.ReadEnvironment(r, names, "environment");
        names = Names.WithEnvironment(names, environment);
        // Kept as written, as Supervisor does: a relative directory is resolved by chdir against the daemon's cwd.
        var directory = r.Text("directory", null, names);
        if (directory is not null && PyText.Strip(directory).Length == 0)
        {
            // Supervisor's child fails its chdir('') and exits 127 at every start.
            r.Error(
                r.Raw("directory"),
                "directory",
                "is empty; name a folder, or leave the option out to keep supervisord's"
            );
            directory = null;
        }
        var stdout = ReadChannel(r, "stdout", names, settings.StdoutCaptureMaxBytes, settings.StdoutEventsEnabled);
        var stderr = ReadChannel(r, "stderr", names, settings.StderrCaptureMaxBytes, settings.StderrEventsEnabled);
        if (settings.RedirectStderr)
        {
            if (stderr.Target == LogTarget.File)
            {
                r.Warning(
                    "stderr_logfile",
                    $"For [{Echo.Text(r.Section.Name)}], redirect_stderr=true but stderr_logfile has also been set to a filename, the filename has been ignored"
                );
            }
            stderr = stderr with { Target = LogTarget.None, Path = null };
        }
        var command = r.Text("command", null, names);
        if (command is null)
        {
            if (r.Raw("command") is null)
            {
                r.Error(null, "command", $"program section {Echo.Text(r.Section.Name)} does not specify a command");
            }
            return null;
        }
        var name = r.Expand(
            r.Raw("process_name") ?? new RawValue(settings.ProcessNameFormat, r.Section.File, r.Section.Line, ""),
            settings.ProcessNameFormat,
            "process_name",
            names,
            "process_name"
        );
        if (name is null)
        {
            return null;
        }
        var validName = ValueParsers.Name(name);
        if (!validName.Ok && settings.NamesAreValid)
        {
            r.Error(r.Raw("process_name"), "process_name", validName.Error!);
            return null;
        }
        if (!validName.Ok)
        {
            return null;
        }
        return new ProcessConfig(
            validName.Value,
            settings.ProgramName,
            command,
            directory,
            settings.Umask,
            settings.User,
            settings.Uid,
            settings.Priority,
            settings.Autostart,
            settings.StartSecs,
            settings.StartRetries,
            settings.AutoRestart,
            settings.ExitCodes,
            settings.StopSignal,
            settings.StopWaitSecs,
            settings.StopAsGroup,
            settings.KillAsGroup,
            settings.RedirectStderr,
            stdout,
            stderr,
            EnvironmentParser.Merge(daemonEnvironment, environment),
            settings.ServerUrl
        )
        {
            Restart = settings.Restart,
            EnvFiles = LifecycleBinder.Merge(
                daemonEnvFiles ?? ValueList<EnvFileRef>.Empty,
                LifecycleBinder.ReadEnvFiles(r, names, context.Paths)
            ),
        };
    }

    private LogChannelConfig ReadChannel(
        OptionReader r,
        string channel,
        Dictionary<string, object> names,
        long captureMaxBytes,
        bool eventsEnabled
    )
    {
        var key = channel + "_logfile";
        var (target, path) = r.Read(key, "AUTO", names, context.Paths.LogfileName, (LogTarget.None, (string?)null));
        if (r.Raw(key) is not null && r.Text(key, null, names) is "")
        {
            r.Warning(key, $"is empty, which Supervisor takes as no log file: write {key}=NONE to say so");
        }
        var backups = r.Read(key + "_backups", "10", names, ValueParsers.Integer, 10);
        var maxBytes = r.Read(key + "_maxbytes", "50MB", names, ValueParsers.ByteSize, 0L);
        var syslog = r.Read(channel + "_syslog", "false", names, ValueParsers.Boolean, false);
        if (target == LogTarget.Syslog)
        {
            r.Warning(
                key,
                $"For [{Echo.Text(r.Section.Name)}], {Echo.Text(key)}=syslog but this is deprecated and will be removed.  Use {channel}_syslog=true to enable syslog instead."
            );
            syslog = true;
        }
        if (target == LogTarget.Auto && maxBytes == 0)
        {
            r.Warning(
                key + "_maxbytes",
                $"For [{Echo.Text(r.Section.Name)}], AUTO logging used for {Echo.Text(key)} without rollover, set maxbytes > 0 to avoid filling up filesystem unintentionally"
            );
        }
        return new LogChannelConfig(target, path, maxBytes, backups, captureMaxBytes, eventsEnabled, syslog);
    }
}
