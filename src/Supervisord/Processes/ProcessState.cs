namespace Supervise.Supervisord.Processes;

/// <summary>Supervisor's process states, with its numeric codes (supervisor/states.py).</summary>
public enum ProcessState
{
    Stopped = 0,
    Starting = 10,
    Running = 20,
    Backoff = 30,
    Stopping = 40,
    Exited = 100,
    Fatal = 200,
    Unknown = 1000,
}

public static class ProcessStates
{
    /// <summary>STOPPED_STATES: nothing runs and nothing will start by itself.</summary>
    public static bool IsStopped(this ProcessState state) =>
        state is ProcessState.Stopped or ProcessState.Exited or ProcessState.Fatal or ProcessState.Unknown;

    /// <summary>RUNNING_STATES: what `start` calls "already started".</summary>
    public static bool IsRunning(this ProcessState state) =>
        state is ProcessState.Running or ProcessState.Backoff or ProcessState.Starting;

    /// <summary>SIGNALLABLE_STATES: a pid exists to signal.</summary>
    public static bool IsSignallable(this ProcessState state) =>
        state is ProcessState.Running or ProcessState.Starting or ProcessState.Stopping;

    /// <summary>Supervisor's state name (a constant per state: Enum.ToString is slow under NativeAOT and allocates).</summary>
    public static string Name(this ProcessState state) => Protocol.StateNames.Of((int)state);
}
