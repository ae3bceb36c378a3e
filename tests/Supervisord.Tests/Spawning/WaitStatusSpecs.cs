using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Spawning;

public sealed class WaitStatusSpecs
{
    [Fact]
    public void An_exit_is_described_with_its_code_and_is_expected_when_listed()
    {
        var status = WaitStatus.FromExitCode(3);

        status.Describe().Should().Be("exit status 3");
        status.SupervisorExitStatus.Should().Be(3);
        status.IsExpected([0, 3]).Should().BeTrue();
        status.IsExpected([0]).Should().BeFalse();
    }

    [Fact]
    public void A_signal_death_names_the_signal_and_is_never_expected()
    {
        var status = WaitStatus.FromSignal(15);

        status.Describe().Should().Be("terminated by SIGTERM");
        status.Signaled.Should().BeTrue();
        status.SupervisorExitStatus.Should().Be(-1);
        status.IsExpected([0, 15]).Should().BeFalse();
    }

    [Fact]
    public void A_core_dump_is_mentioned_after_the_signal() =>
        new WaitStatus(0x80 | 11).Describe().Should().Be("terminated by SIGSEGV (core dumped)");

    [Fact]
    public void A_signal_without_a_name_is_described_by_its_number() =>
        WaitStatus.FromSignal(40).Describe().Should().Be("terminated by signal 40");

    [Fact]
    public void A_status_that_could_not_be_collected_says_so_and_never_counts_as_expected()
    {
        var status = WaitStatus.Unknown;

        status.IsUnknown.Should().BeTrue();
        status.Exited.Should().BeFalse();
        status.Signaled.Should().BeFalse();
        status.Describe().Should().Be("exit status unknown");
        // exitcodes= holds 0..255 only, so -1 is in no list: the state machine's Contains check says "not expected".
        status.SupervisorExitStatus.Should().Be(-1);
        status.IsExpected([0]).Should().BeFalse();
    }

    [Fact]
    public void Real_statuses_are_never_taken_for_unknown()
    {
        Enumerable.Range(0, 256).Select(WaitStatus.FromExitCode).Should().OnlyContain(s => !s.IsUnknown && s.Exited);
        Enumerable.Range(1, 64).Select(WaitStatus.FromSignal).Should().OnlyContain(s => !s.IsUnknown && s.Signaled);
    }
}
