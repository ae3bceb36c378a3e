namespace Supervise.Supervisord.Processes;

/// <summary>
/// A line for the main log, one record per kind with its fields; <see cref="ProcessLog"/> renders each with
/// Supervisor's exact text, so the state machine never formats text.
/// </summary>
internal abstract record WriteLog : Effect;

internal sealed record SpawnedLine(string Name, int Pid) : WriteLog;

internal sealed record SpawnErrorLine(string Message) : WriteLog;

internal sealed record EnteredRunningLine(string Name, int StartSecs) : WriteLog;

/// <param name="Status">The wait status as Supervisor describes it: "exit status 1", "terminated by SIGTERM".</param>
internal sealed record ExitedLine(string Name, string Status, bool Expected) : WriteLog;

internal sealed record StoppedLine(string Name, string Status, bool Expected) : WriteLog;

internal sealed record KillingLine(string Name, int Pid, string Signal) : WriteLog;

internal sealed record SigkillLine(string Name, int Pid) : WriteLog;

internal sealed record GaveUpLine(string Name) : WriteLog;

internal sealed record KillFailedLine(string Name, int Pid, string Error) : WriteLog;
