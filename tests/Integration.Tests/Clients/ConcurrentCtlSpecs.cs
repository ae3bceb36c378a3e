using System.Diagnostics;
using System.Text.RegularExpressions;
using Supervise.Integration.Tests.Infrastructure;
using Supervise.Tests.Support;
using Xunit.Abstractions;

namespace Supervise.Integration.Tests.Clients;

/// <summary>
/// Our ctl (gRPC) and Python's supervisorctl (XML-RPC over HTTP/1.1) on the same socket at the same time: the
/// connection sniffing that steers each to its protocol must never mix them up, under load from both sides.
/// </summary>
public sealed partial class ConcurrentCtlSpecs(ITestOutputHelper output)
{
    private const int Iterations = 30;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    [ToolFact(PythonCtl.Path)]
    public async Task Our_ctl_and_pythons_in_loops_on_one_socket_see_no_failure()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:ours]
                command={CHILD} hang
                startsecs=0

                [program:theirs]
                command={CHILD} hang
                startsecs=0
                """
            )
            .StartAsync();
        await daemon.WaitForStateAsync("ours", "RUNNING");
        await daemon.WaitForStateAsync("theirs", "RUNNING");

        // Each ctl drives its own program, so that every answer is predictable; both read the status of both.
        var results = await Task.WhenAll(
            LoopAsync("ours", arguments => daemon.CtlAsync(arguments)),
            LoopAsync("theirs", arguments => PythonCtl.RunAsync(daemon.ConfigPath, arguments))
        );

        output.WriteLine(
            $"iterations of status, stop and start: ours {results[0].Iterations}, Python's {results[1].Iterations}"
        );
        results.SelectMany(r => r.Failures).Should().BeEmpty();
        results.Should().OnlyContain(r => r.Iterations >= 2, "each loop ran at least twice within its budget");
    }

    private static async Task<(int Iterations, List<string> Failures)> LoopAsync(
        string program,
        Func<string[], Task<CtlResult>> ctl
    )
    {
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var iterations = 0;
        while (iterations < Iterations && clock.Elapsed < Budget)
        {
            iterations++;
            Expect(
                failures,
                program,
                await ctl(["status"]),
                status => status.ExitCode is 0 or 3 && StatusLines().Matches(status.Output).Count == 2
            );
            Expect(
                failures,
                program,
                await ctl(["stop", program]),
                stop => stop == new CtlResult(0, $"{program}: stopped\n")
            );
            Expect(
                failures,
                program,
                await ctl(["start", program]),
                start => start == new CtlResult(0, $"{program}: started\n")
            );
        }
        return (iterations, failures);
    }

    private static void Expect(List<string> failures, string program, CtlResult result, Func<CtlResult, bool> ok)
    {
        if (!ok(result))
        {
            failures.Add($"{program}: exit {result.ExitCode}: {result.Output}");
        }
    }

    [GeneratedRegex(
        @"(?m)^(ours|theirs) +(RUNNING   pid \d+, uptime \d+:\d\d:\d\d|STOPPED   \w{3} \d\d \d\d:\d\d [AP]M|STARTING  |STOPPING  )$"
    )]
    private static partial Regex StatusLines();
}
