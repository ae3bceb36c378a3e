using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Output;

/// <summary>Supervisor's _startresult, _signalresult/_stopresult and _clearresult texts for one process outcome.</summary>
internal static class ResultMessages
{
    public static string Start(string name, Fault code) =>
        code switch
        {
            Fault.BadName => Error(name, "no such process"),
            Fault.NoFile => Error(name, "no such file"),
            Fault.NotExecutable => Error(name, "file is not executable"),
            Fault.AlreadyStarted => Error(name, "already started"),
            Fault.SpawnError => Error(name, "spawn error"),
            Fault.AbnormalTermination => Error(name, "abnormal termination"),
            Fault.Success => $"{name}: started",
            _ => throw new UnknownResultCodeException((int)code, name, 761),
        };

    /// <param name="faultString">The whole fault text ("FAILED: reason"), printed as is for FAILED.</param>
    public static string Signal(string name, Fault code, string faultString, string success = "signalled") =>
        code switch
        {
            Fault.BadName => Error(name, "no such process"),
            Fault.BadSignal => Error(name, "bad signal name"),
            Fault.NotRunning => Error(name, "not running"),
            Fault.Success => $"{name}: {success}",
            Fault.Failed => faultString,
            _ => throw new UnknownResultCodeException((int)code, name, 835),
        };

    public static string Stop(string name, Fault code, string faultString) =>
        Signal(name, code, faultString, "stopped");

    public static string Clear(string name, Fault code) =>
        code switch
        {
            Fault.BadName => Error(name, "no such process"),
            Fault.Failed => Error(name, "failed"),
            Fault.Success => $"{name}: cleared",
            _ => throw new UnknownResultCodeException((int)code, name, 1260),
        };

    private static string Error(string name, string reason) => $"{name}: ERROR ({reason})";
}
