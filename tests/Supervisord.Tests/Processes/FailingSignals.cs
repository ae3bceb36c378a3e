using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>A signal sender whose every kill fails with <see cref="Failure"/>, recording each call.</summary>
public sealed class FailingSignals : ISignalSender
{
    private readonly Lock _gate = new();
    private readonly List<(int Pid, int Signal, bool ToGroup)> _sent = [];

    /// <summary>The errno name every kill fails with.</summary>
    public required string Failure { get; init; }

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
        return Failure;
    }
}
