using Grpc.Core;
using Supervise.Supervisorctl.Shell;

namespace Supervise.Supervisorctl.Tests.Fakes;

/// <summary>What one supervisorctl run printed and returned.</summary>
internal sealed record CtlRun(string Out, string Error, int ExitCode);

/// <summary>Runs the whole ctl (options, config, dispatch) in process against a <see cref="FakeSupervisor"/>.</summary>
internal static class Ctl
{
    public static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;

    public static CtlRun Run(FakeSupervisor daemon, params string[] args) => Run(daemon, [], null, args);

    /// <param name="answers">Lines typed at questions and prompts.</param>
    /// <param name="shellInput">Lines for the interactive shell (piped), or null for none.</param>
    public static CtlRun Run(FakeSupervisor daemon, string[] answers, string? shellInput, params string[] args) =>
        RunIn(daemon, answers, shellInput, [], Environment.CurrentDirectory, new Dictionary<string, string>(), args);

    public static CtlRun RunIn(
        FakeSupervisor daemon,
        string[] answers,
        string? shellInput,
        IReadOnlyList<string> searchPaths,
        string directory,
        IReadOnlyDictionary<string, string> variables,
        params string[] args
    )
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new CtlEnvironment(
            output,
            error,
            new ScriptedConsole(output, answers),
            _ => daemon,
            variables,
            directory,
            searchPaths,
            "/usr/bin/supervisorctl",
            Utc
        )
        {
            LineReader = shellInput is null
                ? null
                : (_, _) => new PlainLineReader(new StringReader(shellInput), output),
        };
        var exit = CtlApp.RunAsync(args, environment).GetAwaiter().GetResult();
        return new CtlRun(output.ToString(), error.ToString(), exit);
    }

    /// <summary>The RpcException the client (GrpcWire) raises when connect() fails with this socket error.</summary>
    public static RpcException Unreachable(System.Net.Sockets.SocketError error) =>
        new(
            new Status(
                StatusCode.Unavailable,
                "Error connecting to subchannel.",
                new HttpRequestException("connect failed", new System.Net.Sockets.SocketException((int)error))
            )
        );
}
