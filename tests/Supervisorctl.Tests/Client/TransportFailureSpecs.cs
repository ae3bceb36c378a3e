using System.Net.Sockets;
using Grpc.Core;
using Supervise.Supervisorctl.Client;

namespace Supervise.Supervisorctl.Tests.Client;

/// <summary>Real sockets: the errors the client raises must classify as Supervisor's errno cases.</summary>
public sealed class TransportFailureSpecs : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ctl-sock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_missing_socket_file_is_no_such_file()
    {
        using var client = new GrpcSupervisorClient($"unix://{_dir}/missing.sock", null, null);

        var failure = await Record(() => client.GetVersionAsync(CancellationToken.None));

        TransportFailure.Classify(failure).Should().Be(TransportFailureKind.NoSuchFile);
    }

    [Fact]
    public async Task A_socket_nobody_listens_on_is_refused()
    {
        var path = Path.Join(_dir, "stale.sock");
        // Bound but not listening; .NET unlinks the file when the socket is disposed, so it stays open meanwhile.
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        using var client = new GrpcSupervisorClient($"unix://{path}", "u", "p");

        var failure = await Record(() => client.ListProcessesAsync(CancellationToken.None));

        TransportFailure.Classify(failure).Should().Be(TransportFailureKind.Refused);
    }

    [Fact]
    public async Task A_file_that_is_not_a_socket_is_refused_as_supervisor_reports_it()
    {
        var path = Path.Join(_dir, "plain");
        await File.WriteAllTextAsync(path, "");
        using var client = new GrpcSupervisorClient($"unix://{path}", null, null);

        var failure = await Record(() => client.GetVersionAsync(CancellationToken.None));

        TransportFailure.Classify(failure).Should().Be(TransportFailureKind.Refused);
    }

    [Fact]
    public async Task A_closed_tcp_port_is_refused()
    {
        using var client = new GrpcSupervisorClient("http://127.0.0.1:1", null, null);

        var failure = await Record(() => client.GetStateAsync(CancellationToken.None));

        TransportFailure.Classify(failure).Should().Be(TransportFailureKind.Refused);
    }

    [Fact]
    public void A_fault_is_not_a_transport_failure()
    {
        var fault = Protocol.FaultException.Create(Protocol.V1.Fault.BadName, "x");

        TransportFailure.Classify(fault).Should().Be(TransportFailureKind.None);
        TransportFailure
            .Classify(new RpcException(new Status(StatusCode.Unauthenticated, "")))
            .Should()
            .Be(TransportFailureKind.Unauthenticated);
    }

    private static async Task<Exception> Record(Func<Task> call)
    {
        var act = call;
        return (await act.Should().ThrowAsync<RpcException>()).Which;
    }
}
