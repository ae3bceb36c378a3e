using Supervise.Protocol.V1;
using Supervise.Supervisorctl.Output;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Output;

/// <summary>The CPU column between refreshes, and the memory units.</summary>
public sealed class TopTableSpecs
{
    [Fact]
    public void Cpu_between_two_samples_of_the_same_pid_is_the_share_of_one_core_over_the_interval()
    {
        var table = new TopTable();
        table.Render([Usage(pid: 7, cpu: 10)], sinceLast: null);

        var lines = table.Render([Usage(pid: 7, cpu: 10.5)], sinceLast: TimeSpan.FromSeconds(1));

        lines[1].Should().Contain(" 50.0 ");
    }

    [Fact]
    public void A_new_pid_starts_over_from_the_average_since_its_start()
    {
        var table = new TopTable();
        table.Render([Usage(pid: 7, cpu: 10)], sinceLast: null);

        var lines = table.Render([Usage(pid: 8, cpu: 1.2)], sinceLast: TimeSpan.FromSeconds(1));

        lines[1].Should().Contain(" 10.0 ", "1.2 s of CPU over 12 s of life");
    }

    [Theory]
    [InlineData(0, "0K")]
    [InlineData(512 * 1024, "512K")]
    [InlineData(3 * 1024 * 1024 / 2, "1.5M")]
    [InlineData(2L * 1024 * 1024 * 1024, "2.0G")]
    public void Memory_is_shown_in_binary_units(long bytes, string shown)
    {
        TopTable.Memory(bytes).Should().Be(shown);
    }

    private static ProcessInfo Usage(int pid, double cpu)
    {
        var info = Info.Running("web", pid);
        info.CpuSeconds = cpu;
        return info;
    }
}
