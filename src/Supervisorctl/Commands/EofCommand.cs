namespace Supervise.Supervisorctl.Commands;

/// <summary>do_EOF: what the shell runs at end of input (Ctrl-D); not listed by `help`, as in Supervisor.</summary>
internal sealed class EofCommand : CtlCommand
{
    public override string Name => "EOF";

    public override bool Listed => false;

    // Supervisor's help_EOF lives on the Controller, which `help EOF` never consults; it answers "No help".
    public override string Help => "";

    public override Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        ctl.Output("");
        return Task.FromResult(true);
    }
}
