using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>Supervisor's <c>Config.__lt__</c>: by priority, then by name (code-point order, as Python compares str).</summary>
internal static class ConfigOrder
{
    public static int Processes(ProcessConfig a, ProcessConfig b) =>
        a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : string.CompareOrdinal(a.Name, b.Name);

    public static int Groups(ProcessGroupConfig a, ProcessGroupConfig b) =>
        a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : string.CompareOrdinal(a.Name, b.Name);
}
