namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>What every binder needs besides the raw sections: where diagnostics go and how paths resolve.</summary>
internal sealed record BindContext(DiagnosticBag Bag, PathValues Paths, string TempDir, string HostNodeName);
