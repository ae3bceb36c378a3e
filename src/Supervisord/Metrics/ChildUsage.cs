namespace Supervise.Supervisord.Metrics;

/// <summary>CPU time (user + system, the whole thread group) and resident memory of one running child.</summary>
public readonly record struct ChildUsage(double CpuSeconds, long ResidentBytes);
