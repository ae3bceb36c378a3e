namespace Supervise.Supervisord.Processes;

/// <summary>The event ids of every main-log line written by the Processes folder, in one table.</summary>
internal static class ProcessLogEvents
{
    public const int FcgiSocketFailed = 70;
    public const int Spawned = 100;
    public const int SpawnError = 101;
    public const int EnteredRunning = 102;
    public const int ExitedExpected = 103;
    public const int ExitedUnexpected = 104;
    public const int Stopped = 105;
    public const int Killing = 106;
    public const int Sigkill = 107;
    public const int GaveUp = 108;
    public const int KillFailed = 109;
    public const int Ready = 120;
    public const int NotReady = 121;
    public const int Dependency = 122;
    public const int ProbeFault = 123;
    public const int StraysSignalled = 130;
    public const int ActorFault = 190;
}
