namespace Supervise.Supervisorctl.Shell;

/// <summary>
/// Turns Ctrl-C into cancellation of the running command (a tail -f, a start that waits), as Supervisor turns
/// KeyboardInterrupt into the end of that command. Each command gets a fresh token.
/// </summary>
internal sealed class Interrupts : IDisposable
{
    // Guards _current, which the Ctrl-C handler (a signal thread) and the command loop both touch.
    private readonly Lock _gate = new();
    private CancellationTokenSource _current = new();

    public CancellationToken Next()
    {
        lock (_gate)
        {
            if (_current.IsCancellationRequested)
            {
                _current.Dispose();
                _current = new CancellationTokenSource();
            }
            return _current.Token;
        }
    }

    public void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        lock (_gate)
        {
            _current.Cancel();
        }
    }

    public void Dispose() => _current.Dispose();
}
