using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Output;

namespace Supervise.Supervisorctl.Commands;

/// <summary>
/// `top [--once] [name ...]` (not in Supervisor): a table of state, CPU, memory and restarts, redrawn each second
/// until q or Ctrl-C. With --once, or when input or output is not a terminal, it prints one table and returns, so
/// scripts and specs can read it. Exit 3 when a listed process is stopped, as `status` does.
/// </summary>
internal sealed class TopCommand : CtlCommand
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public override string Name => "top";

    public override bool Listed => false;

    public override CompletionKind Completion => CompletionKind.Processes;

    public override string Help =>
        "top\t\t\tShow state, CPU, memory and restarts of every process, refreshed each second (q quits)\n"
        + "top <name> <gname>:*\tThe same for the named processes and groups\n"
        + "top --once\t\tPrint the table once";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (!await ctl.UpcheckAsync(cancellationToken).ConfigureAwait(false))
        {
            ctl.ExitStatus = ExitCodes.StatusUnknown;
            return false;
        }
        var words = Words(arg);
        var once = words.Contains("--once") || Console.IsOutputRedirected || Console.IsInputRedirected;
        var names = words.Where(w => w != "--once").ToList();
        var table = new TopTable();
        var sampled = DateTimeOffset.UtcNow;
        TimeSpan? since = null;
        while (true)
        {
            var infos = Select(
                await ctl.Client.ListProcessesWithUsageAsync(cancellationToken).ConfigureAwait(false),
                names
            );
            if (!once)
            {
                // Home and clear: each frame replaces the last one instead of scrolling.
                ctl.Out.Write("\u001b[H\u001b[2J");
            }
            foreach (var line in table.Render(infos, since))
            {
                ctl.Output(line);
            }
            if (once)
            {
                if (infos.Any(i => StatusFormatter.IsStopped(i.State)))
                {
                    ctl.ExitStatus = ExitCodes.StatusNotRunning;
                }
                return false;
            }
            ctl.Output("(q to quit)");
            await ctl.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (await QuitRequestedAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
            var now = DateTimeOffset.UtcNow;
            since = now - sampled;
            sampled = now;
        }
    }

    private static List<ProcessInfo> Select(IReadOnlyList<ProcessInfo> all, List<string> names) =>
        names.Count == 0 || names.Contains("all")
            ? [.. all]
            :
            [
                .. all.Where(i =>
                    names.Any(n =>
                        n == i.Group + ":*" || n == i.Group + ":" || n == i.Name || n == i.Group + ":" + i.Name
                    )
                ),
            ];

    /// <summary>Waits out the refresh interval, watching for q; Ctrl-C cancels the token and ends the view as well.</summary>
    private static async Task<bool> QuitRequestedAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + Interval;
        try
        {
            while (DateTimeOffset.UtcNow < deadline)
            {
                while (Console.KeyAvailable)
                {
                    if (Console.ReadKey(intercept: true).KeyChar is 'q' or 'Q')
                    {
                        return true;
                    }
                }
                // A key cannot be awaited on a terminal without a reader thread, which would then steal the shell's next key.
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
            }
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }
}
