using System.Text.RegularExpressions;
using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Wire;

/// <summary>
/// The faults that the 4.2.5 recording (RecordedRepliesSpecs) does not reach, over /RPC2 on the Unix socket, with the
/// codes and strings of Supervisor's rpcinterface.py (RPCError(code, extra) is "NAME: extra", or "NAME" without extra).
/// </summary>
public sealed class XmlRpcFaultSpecs
{
    private const string Programs = """
        [program:missing]
        command=/nonexistent/command
        autostart=false

        [program:plainfile]
        command={W}/plain.txt
        autostart=false

        [program:slowstarter]
        command={CHILD} hang
        autostart=false
        startsecs=30

        [program:silent]
        command={CHILD} hang
        stdout_logfile=NONE
        """;

    [Fact]
    public async Task Starting_a_command_that_does_not_exist_is_NO_FILE_with_supervisors_text()
    {
        await using var daemon = await StartAsync();

        (await FaultAsync(daemon, "supervisor.startProcess", "missing"))
            .Should()
            .Be((20, "NO_FILE: can't find command '/nonexistent/command'"));
    }

    [Fact]
    public async Task Starting_a_file_that_is_not_executable_is_NOT_EXECUTABLE()
    {
        await using var daemon = await StartAsync();

        (await FaultAsync(daemon, "supervisor.startProcess", "plainfile"))
            .Should()
            .Be((21, $"NOT_EXECUTABLE: command at '{daemon.Directory}/plain.txt' is not executable"));
    }

    [Fact]
    public async Task A_waiting_start_whose_process_is_stopped_meanwhile_is_ABNORMAL_TERMINATION_and_other_calls_are_served()
    {
        await using var daemon = await StartAsync();

        var start = FaultAsync(daemon, "supervisor.startProcess", "slowstarter");
        await daemon.WaitForStateAsync("slowstarter", "STARTING");
        (await RawHttp.PostRpcAsync(daemon.SocketPath, Call("supervisor.stopProcess", "slowstarter")))
            .Text.Should()
            .Contain("<boolean>1</boolean>");

        (await start).Should().Be((40, "ABNORMAL_TERMINATION: slowstarter"));
    }

    [Fact]
    public async Task Reading_a_log_of_NONE_is_NO_FILE_without_detail()
    {
        await using var daemon = await StartAsync();

        (await FaultAsync(daemon, "supervisor.readProcessStdoutLog", "silent", 0, 10)).Should().Be((20, "NO_FILE"));
    }

    [Fact]
    public async Task Reloading_a_config_that_no_longer_parses_is_CANT_REREAD()
    {
        await using var daemon = await StartAsync();
        File.AppendAllText(daemon.ConfigPath, "\n[program:broken]\nstartsecs=-1\n");

        var (code, text) = await FaultAsync(daemon, "supervisor.reloadConfig");

        code.Should().Be(92);
        text.Should().StartWith("CANT_REREAD: ");
    }

    [Fact]
    public async Task A_string_that_is_not_a_number_where_an_integer_is_expected_is_INCORRECT_PARAMETERS_not_a_500()
    {
        await using var daemon = await StartAsync();

        (await FaultAsync(daemon, "supervisor.readLog", "abc", 0)).Should().Be((2, "INCORRECT_PARAMETERS"));
    }

    private static async Task<Infrastructure.Daemon> StartAsync()
    {
        var daemon = Infrastructure.Daemon.WithConfig(Programs);
        File.WriteAllText(Path.Combine(daemon.Directory, "plain.txt"), "not a program\n");
        return await daemon.StartAsync();
    }

    private static string Call(string method, params object[] parameters)
    {
        var values = string.Concat(
            parameters.Select(p =>
                p is int n
                    ? $"<param><value><int>{n}</int></value></param>"
                    : $"<param><value><string>{p}</string></value></param>"
            )
        );
        return $"<?xml version='1.0'?>\n<methodCall><methodName>{method}</methodName><params>{values}</params></methodCall>";
    }

    /// <returns>The fault's code and string; fails when the reply is not a fault.</returns>
    private static async Task<(int Code, string Text)> FaultAsync(
        Infrastructure.Daemon daemon,
        string method,
        params object[] parameters
    )
    {
        var reply = await RawHttp.PostRpcAsync(daemon.SocketPath, Call(method, parameters));

        reply.Status.Should().Be(200);
        var fault = Regex.Match(
            reply.Text,
            @"<name>faultCode</name>\n<value><int>(\d+)</int></value>\n</member>\n<member>\n<name>faultString</name>\n<value><string>([^<]*)</string>"
        );
        fault.Success.Should().BeTrue($"{method} should fault, got {reply.Text}");
        return (
            int.Parse(fault.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            System.Net.WebUtility.HtmlDecode(fault.Groups[2].Value)
        );
    }
}
