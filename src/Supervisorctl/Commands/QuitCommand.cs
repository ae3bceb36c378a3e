namespace Supervise.Supervisorctl.Commands;

/// <summary>do_quit and do_exit: leave the shell, printing a newline as do_EOF does.</summary>
internal sealed class QuitCommand(string name) : CtlCommand
{
    public override string Name => name;

    public override string Help => $"{name}\tExit the supervisor shell.";

    public override Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        ctl.Output("");
        return Task.FromResult(true);
    }
}
