namespace Supervise.Supervisord.Configuration.Model;

/// <summary>
/// A process group: the homogeneous group of one <c>[program:x]</c> (its numprocs processes), a <c>[group:x]</c> of
/// several programs, an <c>[eventlistener:x]</c> pool, or an <c>[fcgi-program:x]</c>.
/// </summary>
/// <param name="Processes">Sorted by (priority, name).</param>
public sealed record ProcessGroupConfig(
    string Name,
    int Priority,
    GroupKind Kind,
    ValueList<ProcessConfig> Processes,
    EventListenerSettings? EventListener = null,
    FcgiSocketSettings? FcgiSocket = null
);

public enum GroupKind
{
    Program,
    Group,
    EventListener,
    FcgiProgram,
}

/// <summary>The options only an <c>[eventlistener:x]</c> has.</summary>
public sealed record EventListenerSettings(ValueList<string> Events, int BufferSize, string ResultHandler);

/// <summary>The options only an <c>[fcgi-program:x]</c> has.</summary>
public sealed record FcgiSocketSettings(string Socket, int Backlog, string? Owner, int Mode);
