using Microsoft.Extensions.Time.Testing;
using Supervise.Supervisord.Metrics;

namespace Supervise.Supervisord.Tests.Metrics;

/// <summary>Control calls counted by protocol, method and outcome, with a cumulative latency histogram.</summary>
public sealed class CallMetricsSpecs
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_call_moves_its_outcome_counter_and_lands_in_every_bucket_at_or_above_its_latency()
    {
        var metrics = new ControlCallMetrics(_time, ["supervisor.getState"]);
        var started = metrics.Start();
        _time.Advance(TimeSpan.FromMilliseconds(30));

        metrics.Record(ControlCallMetrics.Grpc, "Start", CallOutcome.Fault, started);

        var (key, stats) = metrics.Snapshot().Single();
        key.Should().Be((ControlCallMetrics.Grpc, "Start"));
        stats.Count(CallOutcome.Fault).Should().Be(1);
        stats.Count(CallOutcome.Ok).Should().Be(0);
        var index = Array.IndexOf(CallStats.Bounds, 0.05);
        stats.CumulativeBucket(index - 1).Should().Be(0, "0.025 s is below 30 ms");
        stats.CumulativeBucket(index).Should().Be(1);
        stats.CumulativeBucket(CallStats.Bounds.Length).Should().Be(1, "+Inf holds every call");
        stats.SumSeconds.Should().BeApproximately(0.03, 1e-9);
        stats.Timed.Should().Be(1);
    }

    [Fact]
    public void An_xmlrpc_method_supervisor_does_not_know_is_counted_as_unknown_so_clients_cannot_add_series()
    {
        var metrics = new ControlCallMetrics(_time, ["supervisor.getState"]);

        metrics.Record(ControlCallMetrics.XmlRpc, "supervisor.getState", CallOutcome.Ok, metrics.Start());
        metrics.Record(ControlCallMetrics.XmlRpc, "evil.<script>", CallOutcome.Fault, metrics.Start());
        metrics.Record(ControlCallMetrics.XmlRpc, "another.made.up", CallOutcome.Fault, metrics.Start());

        metrics
            .Snapshot()
            .Select(e => e.Key.Method)
            .Should()
            .Equal("supervisor.getState", ControlCallMetrics.UnknownMethod);
    }

    [Fact]
    public void A_stream_is_counted_but_not_timed()
    {
        var metrics = new ControlCallMetrics(_time, ["supervisor.getState"]);

        metrics.Record(ControlCallMetrics.Grpc, "TailLog", CallOutcome.Ok, started: null);

        var stats = metrics.Snapshot().Single().Value;
        stats.Count(CallOutcome.Ok).Should().Be(1);
        stats.Timed.Should().Be(0);
    }

    [Fact]
    public void A_grpc_method_is_named_without_its_service()
    {
        ControlCallMetrics.GrpcMethod("/supervise.v1.Supervisor/ListProcesses").Should().Be("ListProcesses");
    }
}
