using System.Runtime.InteropServices;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Tests.Platform;

public sealed class SignalTableSpecs
{
    [Theory]
    [InlineData(1, "SIGHUP")]
    [InlineData(9, "SIGKILL")]
    [InlineData(15, "SIGTERM")]
    [InlineData(17, "SIGCHLD")]
    [InlineData(29, "SIGPOLL")]
    [InlineData(31, "SIGSYS")]
    public void A_signal_prints_with_its_conventional_name(int number, string name) =>
        SignalTable.Name(number).Should().Be(name);

    [Theory]
    [InlineData(0)]
    [InlineData(34)]
    [InlineData(40)]
    [InlineData(-3)]
    public void A_number_without_a_name_prints_as_signal_n(int number) =>
        SignalTable.Name(number).Should().Be($"signal {number}");

    [Fact]
    public void Every_name_maps_back_to_its_number()
    {
        foreach (var (name, number) in SignalTable.All)
        {
            SignalTable.TryNumber(name, out var found).Should().BeTrue(name);
            found.Should().Be(number, name);
        }
    }

    [Theory]
    [InlineData("SIGCLD", 17)]
    [InlineData("SIGIO", 29)]
    [InlineData("SIGIOT", 6)]
    [InlineData("SIGRTMIN", 34)]
    [InlineData("SIGRTMAX", 64)]
    public void Aliases_resolve_to_the_same_numbers_as_in_python(string name, int number)
    {
        SignalTable.TryNumber(name, out var found).Should().BeTrue();
        found.Should().Be(number);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("SIG")]
    [InlineData("SIGNOPE")]
    [InlineData("")]
    public void Names_that_are_not_signals_are_refused(string name) =>
        SignalTable.TryNumber(name, out _).Should().BeFalse();

    [Fact]
    public void The_named_constants_agree_with_the_table()
    {
        var constants = new Dictionary<string, int>
        {
            ["SIGHUP"] = SignalTable.SIGHUP,
            ["SIGINT"] = SignalTable.SIGINT,
            ["SIGQUIT"] = SignalTable.SIGQUIT,
            ["SIGKILL"] = SignalTable.SIGKILL,
            ["SIGUSR1"] = SignalTable.SIGUSR1,
            ["SIGUSR2"] = SignalTable.SIGUSR2,
            ["SIGPIPE"] = SignalTable.SIGPIPE,
            ["SIGTERM"] = SignalTable.SIGTERM,
            ["SIGCHLD"] = SignalTable.SIGCHLD,
            ["SIGSTOP"] = SignalTable.SIGSTOP,
            ["SIGXFSZ"] = SignalTable.SIGXFSZ,
        };

        constants.Should().AllSatisfy(c => SignalTable.Name(c.Value).Should().Be(c.Key));
    }

    [Fact]
    public void Signals_with_a_dotnet_member_register_through_it_and_the_others_by_number()
    {
        SignalTable.ToPosixSignal(SignalTable.SIGTERM).Should().Be(PosixSignal.SIGTERM);
        SignalTable.ToPosixSignal(SignalTable.SIGHUP).Should().Be(PosixSignal.SIGHUP);
        SignalTable.ToPosixSignal(SignalTable.SIGUSR2).Should().Be((PosixSignal)12);
    }

    [PythonFact]
    public void The_table_holds_every_signal_of_pythons_signal_module_with_the_same_number()
    {
        var python = Python.Run(
            "import signal\nfor k, v in sorted(vars(signal).items()):\n    if k.startswith('SIG') and not k.startswith('SIG_'): print(k, int(v))"
        );

        var expected = python.Select(line => line.Split(' ')).ToDictionary(f => f[0], f => int.Parse(f[1]));
        SignalTable.All.ToDictionary(s => s.Name, s => s.Number).Should().Equal(expected);
    }
}
