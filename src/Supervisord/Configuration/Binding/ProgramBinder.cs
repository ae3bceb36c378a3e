using Supervise.Python;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// A <c>[program:x]</c> (or fcgi-program / eventlistener) section becomes its processes, as
/// <c>ServerOptions._processes_from_section</c> does it: the options below are read once with here, program_name,
/// group_name, host_node_name and ENV_X; then one process per process_num (see the Processes part).
/// </summary>
internal sealed partial class ProgramBinder(
    RawConfig config,
    BindContext context,
    IReadOnlyDictionary<string, object> envNames,
    ValueList<EnvironmentVariable> daemonEnvironment,
    ValueList<EnvFileRef>? daemonEnvFiles = null
)
{
    /// <returns>
    /// The processes sorted by (priority, name), or null when the section has errors (all recorded); and the
    /// section's priority, which is also its homogeneous group's.
    /// </returns>
    public (List<ProcessConfig>? Processes, int Priority) Bind(RawSection section, string groupName)
    {
        var r = new OptionReader(config, section, context.Bag);
        var rawName = section.Name[(section.Name.IndexOf(':') + 1)..];
        var programName = ValueParsers.Name(rawName);
        if (!programName.Ok)
        {
            r.Error(null, "", programName.Error!);
        }
        var name = programName.Ok ? programName.Value : rawName;
        var names = Names.With(
            envNames,
            ("here", ""),
            ("program_name", name),
            ("host_node_name", context.HostNodeName),
            ("group_name", groupName)
        );
        var settings = ReadSettings(r, name, names);
        settings = settings with { NamesAreValid = settings.NamesAreValid && programName.Ok };
        var processes = new List<ProcessConfig>();
        for (var n = settings.NumProcsStart; n < settings.NumProcsStart + settings.NumProcs; n++)
        {
            var process = BindProcess(
                r,
                settings,
                Names.With(names, ("process_num", n), ("numprocs", settings.NumProcs))
            );
            if (process is not null)
            {
                processes.Add(
                    WithReadiness(r, process, Names.With(names, ("process_num", n), ("numprocs", settings.NumProcs)))
                );
            }
        }
        processes.Sort(ConfigOrder.Processes);
        return (r.Failed ? null : processes, settings.Priority);
    }

    private ProgramSettings ReadSettings(OptionReader r, string programName, Dictionary<string, object> names)
    {
        var stopAsGroup = r.Read("stopasgroup", "false", names, ValueParsers.Boolean, false);
        var killAsGroup = r.Read(
            "killasgroup",
            stopAsGroup ? "true" : "false",
            names,
            ValueParsers.Boolean,
            stopAsGroup
        );
        var serverUrl = r.Text("serverurl", null, names);
        var user = r.Text("user", null, names);
        var uid = user is null
            ? (int?)null
            : r.Read("user", user, names, text => AsNullable(UserDatabase.Uid(text)), null);
        var umask = r.Raw("umask") is null
            ? (int?)null
            : r.Read("umask", "", names, text => AsNullable(ValueParsers.Octal(text)), null);
        var settings = new ProgramSettings(
            programName,
            Priority: r.Read("priority", "999", names, ValueParsers.Integer, 999),
            Autostart: r.Read("autostart", "true", names, ValueParsers.Boolean, true),
            AutoRestart: r.Read("autorestart", "unexpected", names, ValueParsers.AutoRestart, AutoRestart.Unexpected),
            StartSecs: r.Read("startsecs", "1", names, ValueParsers.Integer, 1),
            StartRetries: r.Read("startretries", "3", names, LifecycleParsers.Retries, 3),
            StopSignal: r.Read("stopsignal", "TERM", names, Signals.Parse, 15),
            StopWaitSecs: r.Read("stopwaitsecs", "10", names, ValueParsers.Integer, 10),
            StopAsGroup: stopAsGroup,
            KillAsGroup: killAsGroup,
            ExitCodes: r.Read(
                "exitcodes",
                "0",
                names,
                text => ValueParsers.ExitCodes(r.Raw("exitcodes")?.Items, text),
                new ValueList<int>([0])
            ),
            RedirectStderr: r.Read("redirect_stderr", "false", names, ValueParsers.Boolean, false),
            NumProcs: r.Read("numprocs", "1", names, ValueParsers.Integer, 1),
            NumProcsStart: r.Read("numprocs_start", "0", names, ValueParsers.Integer, 0),
            StdoutCaptureMaxBytes: r.Read("stdout_capture_maxbytes", "0", names, ValueParsers.ByteSize, 0L),
            StdoutEventsEnabled: r.Read("stdout_events_enabled", "false", names, ValueParsers.Boolean, false),
            StderrCaptureMaxBytes: r.Read("stderr_capture_maxbytes", "0", names, ValueParsers.ByteSize, 0L),
            StderrEventsEnabled: r.Read("stderr_events_enabled", "false", names, ValueParsers.Boolean, false),
            // Empty is AUTO too: Supervisor only uses a serverurl that is truthy.
            ServerUrl: serverUrl is null || PyText.Strip(serverUrl).ToUpperInvariant() is "AUTO" or ""
                ? null
                : serverUrl,
            User: user,
            Uid: uid,
            Umask: umask,
            ProcessNameFormat: r.Raw("process_name")?.Text ?? "%(program_name)s"
        )
        {
            Restart = LifecycleBinder.ReadRestart(r, names),
        };

        var validName = ValueParsers.Name(settings.ProcessNameFormat);
        if (!validName.Ok)
        {
            r.Error(r.Raw("process_name"), "process_name", validName.Error!);
        }
        if (settings.NumProcs > 1 && !settings.ProcessNameFormat.Contains("%(process_num)", StringComparison.Ordinal))
        {
            r.Error(
                r.Raw("process_name") ?? r.Raw("numprocs"),
                "process_name",
                "%(process_num) must be present within process_name when numprocs > 1"
            );
        }
        if (settings.NumProcs > MaxNumProcs)
        {
            // Supervisor would try to make them all (the fuzzer's numprocs=3999999 ran for minutes): refuse up front.
            r.Error(r.Raw("numprocs"), "numprocs", $"must be at most {MaxNumProcs}, got {settings.NumProcs}");
            settings = settings with { NumProcs = 0 };
        }
        if (settings.StopAsGroup && !settings.KillAsGroup)
        {
            r.Error(r.Raw("killasgroup"), "killasgroup", "Cannot set stopasgroup=true and killasgroup=false");
        }
        return settings with
        {
            ProcessNameFormat = validName.Ok ? validName.Value : settings.ProcessNameFormat,
            NamesAreValid = validName.Ok,
        };
    }

    /// <summary>The most processes one program may ask for (docs/compatibility.md).</summary>
    public const int MaxNumProcs = 10_000;

    private static Parsed<int?> AsNullable(Parsed<int> parsed) =>
        parsed.Ok ? parsed.Value : Parsed<int?>.Fail(parsed.Error!);
}
