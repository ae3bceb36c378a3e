namespace Supervise.Supervisord.Processes;

/// <summary>The state machine's answer to one trigger: the new core and the effects, or a rejection.</summary>
/// <param name="Rejection">Set when the trigger is illegal in the current state; the core is then unchanged and
/// there are no effects.</param>
internal sealed record Decision(ProcessCore Core, IReadOnlyList<Effect> Effects, Rejection? Rejection = null)
{
    public bool Rejected => Rejection is not null;

    public void Deconstruct(out ProcessCore core, out IReadOnlyList<Effect> effects)
    {
        core = Core;
        effects = Effects;
    }
}

/// <summary>A trigger that the current state does not allow, named with that state.</summary>
internal sealed record Rejection(Trigger Trigger, ProcessState State)
{
    public string Message => $"{Trigger.GetType().Name} is not allowed in state {State.Name()}";
}
