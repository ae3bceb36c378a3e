using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Spawning;

/// <summary>waitpid statuses decoded and worded as Supervisor logs them ("exited: x (exit status 1; ...)").</summary>
public sealed class WaitStatusSpecs
{
    [Theory]
    [InlineData(0, "exit status 0")]
    [InlineData(1, "exit status 1")]
    [InlineData(255, "exit status 255")]
    public void An_exit_is_described_by_its_code(int code, string text)
    {
        var status = WaitStatus.FromExitCode(code);

        status.Exited.Should().BeTrue();
        status.ExitCode.Should().Be(code);
        status.SupervisorExitStatus.Should().Be(code);
        status.Describe().Should().Be(text);
    }

    [Theory]
    [InlineData(9, "terminated by SIGKILL")]
    [InlineData(15, "terminated by SIGTERM")]
    [InlineData(1, "terminated by SIGHUP")]
    [InlineData(31, "terminated by SIGSYS")]
    [InlineData(40, "terminated by signal 40")]
    public void A_signal_death_names_the_signal_and_never_counts_as_an_exit_code(int signal, string text)
    {
        var status = WaitStatus.FromSignal(signal);

        status.Exited.Should().BeFalse();
        status.TermSignal.Should().Be(signal);
        status.SupervisorExitStatus.Should().Be(-1);
        status.Describe().Should().Be(text);
    }

    [Fact]
    public void A_core_dump_is_added_to_the_description()
    {
        // The raw status of SIGSEGV with the core flag (0x80), as the kernel reports it.
        var status = new WaitStatus(0x80 | 11);

        status.CoreDumped.Should().BeTrue();
        status.Describe().Should().Be("terminated by SIGSEGV (core dumped)");
    }

    [Fact]
    public void A_raw_exit_status_keeps_the_code_in_the_second_byte()
    {
        var status = new WaitStatus(3 << 8);

        status.Should().Be(WaitStatus.FromExitCode(3));
        status.CoreDumped.Should().BeFalse();
    }
}
