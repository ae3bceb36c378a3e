namespace Supervise.Supervisord.Spawning;

/// <summary>Why a command cannot be run, with Supervisor's message ("can't find command 'x'").</summary>
public sealed record SpawnError(SpawnErrorKind Kind, string Message);

public enum SpawnErrorKind
{
    /// <summary>The command was not found (RPC fault NO_FILE).</summary>
    NotFound,

    /// <summary>A directory, not executable, or no permission (RPC fault NOT_EXECUTABLE).</summary>
    NotExecutable,

    /// <summary>The command line cannot be parsed or is empty.</summary>
    BadCommand,

    /// <summary>The system refused: no descriptors, no processes, or posix_spawn failed.</summary>
    System,
}
