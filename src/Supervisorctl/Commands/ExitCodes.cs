namespace Supervise.Supervisorctl.Commands;

/// <summary>Supervisor's LSBInitExitStatuses and LSBStatusExitStatuses (the latter only for `status`).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Generic = 1;
    public const int InvalidArgs = 2;
    public const int UnimplementedFeature = 3;
    public const int InsufficientPrivileges = 4;
    public const int NotInstalled = 5;
    public const int NotRunning = 7;

    public const int StatusNotRunning = 3;
    public const int StatusUnknown = 4;
}
