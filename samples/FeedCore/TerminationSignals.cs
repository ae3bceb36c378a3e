using System.Runtime.InteropServices;

namespace Supervise.Samples.FeedCore;

/// <summary>
/// Turns SIGTERM and SIGINT into a cancelled token instead of the runtime's default exit, so that the program can
/// finish what it is doing and exit 0 (an "expected" exit for Supervisor when stopped). A second signal is handled
/// the same way; Supervisor's answer to a program that takes too long is SIGKILL after stopwaitsecs.
/// </summary>
public sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly PosixSignalRegistration[] _registrations;

    public TerminationSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
        ];
    }

    public CancellationToken Stopping => _stopping.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stopping.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _stopping.Cancel();
    }
}
