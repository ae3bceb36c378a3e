namespace Supervise.Supervisord.Processes;

/// <summary>An <see cref="IProcessLifecycle"/> that hears nothing, for registries with no survivor record (specs).</summary>
public sealed class ProcessLifecycle : IProcessLifecycle
{
    public static ProcessLifecycle None { get; } = new();

    private ProcessLifecycle() { }

    public void Spawned(SupervisedProcess process, int pid) { }

    public void Reaped(SupervisedProcess process, int pid) { }
}
