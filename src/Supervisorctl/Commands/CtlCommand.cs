namespace Supervise.Supervisorctl.Commands;

/// <summary>
/// One supervisorctl action, Supervisor's do_x/help_x pair. It receives the rest of the line as one string (as
/// cmd.Cmd passes it) so that the command line and the shell behave the same, and so that `tail -100 x` reaches
/// the command untouched.
/// </summary>
internal abstract class CtlCommand
{
    public abstract string Name { get; }

    /// <summary>The text of Supervisor's help_x, printed with a trailing newline.</summary>
    public abstract string Help { get; }

    /// <summary>Whether `help` lists it; extensions beyond Supervisor stay out of the list so it prints as Supervisor's.</summary>
    public virtual bool Listed => true;

    public virtual CompletionKind Completion => CompletionKind.None;

    /// <returns>True when the shell should stop (quit, exit, EOF).</returns>
    public abstract Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken);

    protected static string[] Words(string arg) => arg.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
