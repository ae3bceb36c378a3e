using Grpc.Core;
using Supervise.Protocol;
using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Client;
using Supervise.Supervisorctl.Output;

namespace Supervise.Supervisorctl.Commands;

/// <summary>
/// Supervisor's Controller (a cmd.Cmd): parses one line into an action and its argument string, runs it, turns
/// uncaught failures into Supervisor's "error: ..." line, and keeps the exit status the commands set.
/// </summary>
internal sealed partial class Controller : IDisposable
{
    private readonly Func<CtlSession, ISupervisorClient> _clientFactory;
    private ISupervisorClient? _client;
    private IReadOnlyList<ProcessInfo>? _completeInfo;

    public Controller(
        CtlSession session,
        CommandTable commands,
        Func<CtlSession, ISupervisorClient> clientFactory,
        TextWriter output,
        ICtlConsole console,
        TimeZoneInfo localZone
    )
    {
        Session = session;
        Commands = commands;
        _clientFactory = clientFactory;
        Out = output;
        Console = console;
        LocalZone = localZone;
    }

    public CtlSession Session { get; }

    public CommandTable Commands { get; }

    public TextWriter Out { get; }

    public ICtlConsole Console { get; }

    public TimeZoneInfo LocalZone { get; }

    public int ExitStatus { get; set; } = ExitCodes.Success;

    public ISupervisorClient Client => _client ??= _clientFactory(Session);

    /// <summary>Supervisor's ctl.output: the message and a newline.</summary>
    public void Output(string message)
    {
        Out.Write(message);
        Out.Write('\n');
    }

    /// <summary>Drops the connection so the next call uses the session's (new) URL or credentials.</summary>
    public void Reconnect()
    {
        _client?.Dispose();
        _client = null;
        _completeInfo = null;
    }

    /// <summary>set_exitstatus_from_xmlrpc_fault: dead-program faults give 7, other failures 1.</summary>
    public void SetExitStatusFromFault(Fault code, Fault? ignored = null)
    {
        if (code == ignored || code == Fault.Success)
        {
            return;
        }
        ExitStatus = code is Fault.SpawnError or Fault.AbnormalTermination or Fault.NotRunning
            ? ExitCodes.NotRunning
            : ExitCodes.Generic;
    }

    /// <summary>
    /// Supervisor's upcheck: getVersion, reporting an unreachable server (and an API mismatch) in its words.
    /// Other failures propagate to <see cref="OneCmdAsync"/>.
    /// </summary>
    public async Task<bool> UpcheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var version = await Client.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            if (version.ApiVersion != "3.0")
            {
                Output(
                    "Sorry, this version of supervisorctl expects to talk to a server with API version 3.0, "
                        + $"but the remote version is {version.ApiVersion}."
                );
                ExitStatus = ExitCodes.NotInstalled;
                return false;
            }
            return true;
        }
        catch (RpcException exception)
        {
            if (
                FaultException.FaultOf(exception) == Fault.UnknownMethod
                || (FaultException.FaultOf(exception) is null && exception.StatusCode == StatusCode.Unimplemented)
            )
            {
                Output(
                    "Sorry, supervisord responded but did not recognize the supervisor namespace commands that "
                        + "supervisorctl uses to control it.  Please check that the [rpcinterface:supervisor] section is "
                        + "enabled in the configuration file (see sample.conf)."
                );
                ExitStatus = ExitCodes.UnimplementedFeature;
                return false;
            }
            switch (TransportFailure.Classify(exception))
            {
                case TransportFailureKind.Refused:
                    Output($"{Session.ServerUrl} refused connection");
                    ExitStatus = ExitCodes.InsufficientPrivileges;
                    return false;
                case TransportFailureKind.NoSuchFile:
                    Output($"{Session.ServerUrl} no such file");
                    ExitStatus = ExitCodes.NotRunning;
                    return false;
                case TransportFailureKind.Unauthenticated:
                    // Not a fault or socket error to Supervisor's upcheck: onecmd deals with it (and may retry).
                    throw;
                default:
                    ExitStatus = ExitCodes.Generic;
                    throw;
            }
        }
    }

    /// <summary>Every process, fetched once per command line for tab completion.</summary>
    public async Task<IReadOnlyList<ProcessInfo>> CompletionInfoAsync(CancellationToken cancellationToken) =>
        _completeInfo ??= await Client.ListProcessesAsync(cancellationToken).ConfigureAwait(false);

    public void Dispose() => _client?.Dispose();
}
