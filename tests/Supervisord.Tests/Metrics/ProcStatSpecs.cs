using System.Text;
using Supervise.Supervisord.Metrics;

namespace Supervise.Supervisord.Tests.Metrics;

/// <summary>CPU, memory and threads from /proc/PID/stat, read at the call.</summary>
public sealed class ProcStatSpecs
{
    [Fact]
    public void Fields_are_counted_after_the_last_parenthesis_so_a_command_name_with_spaces_and_parens_does_not_shift_them()
    {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime prio nice threads itreal start vsize rss
        var line =
            "42 (a (b) c) S 1 42 42 0 -1 4194560 100 0 0 0 250 50 7 3 20 0 5 0 1234 9999999 300 18446744073709551615\n";

        var stat = ProcStat.Parse(Encoding.ASCII.GetBytes(line));

        stat.Should().NotBeNull();
        stat!.Value.CpuSeconds.Should().Be(3.0);
        stat.Value.Threads.Should().Be(5);
        stat.Value.ResidentBytes.Should().Be(300L * Environment.SystemPageSize);
    }

    [Fact]
    public void The_daemons_own_figures_are_real()
    {
        var self = ProcStat.Self();

        self.Should().NotBeNull();
        self!.Value.ResidentBytes.Should().BeGreaterThan(1 << 20);
        self.Value.Threads.Should().BePositive();
        ProcStat.Of(Environment.ProcessId)!.Value.Threads.Should().BePositive();
    }

    [Fact]
    public void A_pid_that_does_not_exist_has_no_figures()
    {
        ProcStat.Of(int.MaxValue).Should().BeNull();
        ProcStat.Of(0).Should().BeNull();
    }

    [Fact]
    public void Open_descriptors_are_counted_and_move_when_one_is_opened()
    {
        var before = OpenFds.Count();
        using var file = File.OpenRead("/proc/self/stat");

        OpenFds.Count().Should().BeGreaterThan(before);
        OpenFds
            .Count()
            .Should()
            .BeCloseTo(
                Directory.GetFileSystemEntries("/proc/self/fd").Length - 1,
                4,
                "other threads may open or close one meanwhile"
            );
    }
}
