using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>The daemon's kill(2), recording every call; with <see cref="Failure"/> set it fails instead of signalling.</summary>
public sealed class KillSignals : ISignalSender
{
    private readonly Lock _gate = new();
    private readonly List<(int Pid, int Signal, bool ToGroup)> _sent = [];

    /// <summary>The errno name every kill fails with; null sends for real.</summary>
    public string? Failure { get; init; }

    public IReadOnlyList<(int Pid, int Signal, bool ToGroup)> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public string? Send(int pid, int signal, bool toGroup)
    {
        lock (_gate)
        {
            _sent.Add((pid, signal, toGroup));
        }
        return Failure ?? KillSignalSender.Instance.Send(pid, signal, toGroup);
    }
}
