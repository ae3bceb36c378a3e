using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// depends_on=, ready= and the probe's timing (not Supervisor's), read per process so that a port may use
/// %(process_num)d. Names in depends_on are checked against the whole configuration afterwards
/// (<see cref="Validation.DependencyValidator"/>), which needs each section's depends_on value for its place.
/// </summary>
internal sealed partial class ProgramBinder
{
    /// <summary>Each program's depends_on value, by program name, for the cross-section checks.</summary>
    public Dictionary<string, (RawValue Raw, string Section, IReadOnlyList<string> Names)> DependsOnSources { get; } =
        new(StringComparer.Ordinal);

    private ProcessConfig WithReadiness(OptionReader r, ProcessConfig process, Dictionary<string, object> names)
    {
        var defaults = ReadinessConfig.Default;
        var raw = r.Raw("depends_on");
        var dependsOn = raw is null ? [] : ValueParsers.Strings(raw.Items, r.Text("depends_on", "", names) ?? "");
        if (raw is not null)
        {
            DependsOnSources[process.ProgramName] = (raw, r.Section.Name, dependsOn);
        }
        var probe = r.Raw("ready") is null
            ? defaults.Probe
            : r.Read("ready", "", names, ReadinessValues.Probe, defaults.Probe);
        var readiness = new ReadinessConfig(
            dependsOn.Distinct(StringComparer.Ordinal).ToValueList(),
            probe,
            ReadDuration(r, "ready_interval", defaults.Interval, names),
            ReadDuration(r, "ready_timeout", defaults.Timeout, names),
            ReadDuration(r, "ready_deadline", defaults.Deadline, names)
        );
        return readiness == defaults ? process : process with { Readiness = readiness };
    }

    private static TimeSpan ReadDuration(
        OptionReader r,
        string option,
        TimeSpan fallback,
        Dictionary<string, object> names
    ) => r.Raw(option) is null ? fallback : r.Read(option, "", names, ReadinessValues.Seconds, fallback);
}
