namespace Supervise.Supervisorctl.Commands;

/// <summary>What the shell completes after a command word (Supervisor's Controller.complete).</summary>
internal enum CompletionKind
{
    None,
    Actions,
    Groups,
    Processes,
}
