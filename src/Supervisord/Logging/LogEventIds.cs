namespace Supervise.Supervisord.Logging;

/// <summary>
/// Event ids of the main log lines written by Hosting's start-up and signal handling, Spawning and Logging, in one
/// place so that they stay unique and stable. Ranges owned elsewhere: 1-9 DaemonRunner (1-3), 30-39 SupervisorDaemon,
/// 60-69 Events, 70-79 and 100-199 Processes.
/// </summary>
public static class LogEventIds
{
    public const int PidFileNotWritten = 4;

    public const int ExitRequested = 10;
    public const int RestartRequested = 11;
    public const int RestartIgnored = 12;
    public const int ReopenRequested = 13;
    public const int Reopened = 14;

    public const int RunningAsRoot = 20;
    public const int ConfigNotice = 21;
    public const int ConfigWarning = 22;
    public const int LimitRaised = 23;
    public const int LimitNotRaised = 24;
    public const int NoAuthentication = 25;

    public const int SurvivorFound = 40;
    public const int SurvivorKilled = 41;

    public const int ExitHandlerFailed = 80;
    public const int ExitStatusLost = 81;

    public const int OutputDeliveryFailed = 90;
    public const int LogFileFailing = 91;
    public const int LogFileRecovered = 92;
    public const int LogFileOverflowing = 93;
}
