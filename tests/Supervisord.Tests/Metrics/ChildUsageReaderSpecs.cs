using System.Diagnostics;
using System.Text;
using Supervise.Supervisord.Metrics;
using Supervise.Tests.Support;

namespace Supervise.Supervisord.Tests.Metrics;

/// <summary>Children's CPU time from their CPU-time clock and resident memory from a kept /proc/PID/statm descriptor.</summary>
public sealed class ChildUsageReaderSpecs : IDisposable
{
    private readonly ChildUsageReader _reader = new();
    private readonly List<Process> _children = [];

    public void Dispose()
    {
        _reader.Dispose();
        foreach (var child in _children)
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
            child.WaitForExit();
            child.Dispose();
        }
    }

    [Fact]
    public async Task A_running_child_has_its_resident_memory_and_a_cpu_time_that_agrees_with_its_proc_stat()
    {
        // Burns some CPU first, then sleeps, so that its CPU time is well above zero. Its memory is compared once it
        // is sleep: the exec from the shell changes it.
        var child = Start("/bin/sh", "-c", "i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; exec sleep 30");
        await Eventually.UntilAsync(
            () => File.ReadAllText($"/proc/{child.Id}/comm").Trim() == "sleep",
            "the child has become sleep"
        );

        var before = ProcStat.Of(child.Id)!.Value.CpuSeconds;
        var usage = Read(child.Id);
        var after = ProcStat.Of(child.Id)!.Value.CpuSeconds;

        usage.Should().NotBeNull();
        usage!.Value.ResidentBytes.Should().BePositive();
        usage.Value.ResidentBytes.Should().BeCloseTo(ProcStat.Of(child.Id)!.Value.ResidentBytes, 256 * 1024);
        // /proc/PID/stat counts in 10 ms ticks scaled from the same runtime the clock gives to the nanosecond.
        usage.Value.CpuSeconds.Should().BeGreaterThanOrEqualTo(before - 0.011).And.BeLessThanOrEqualTo(after + 0.011);
    }

    [Fact]
    public void One_descriptor_is_kept_per_running_child_and_closed_by_the_first_read_without_it()
    {
        var first = Start("/bin/sleep", "30");
        var second = Start("/bin/sleep", "30");

        Read(first.Id, second.Id).Should().AllSatisfy(u => u.Should().NotBeNull());
        _reader.KeptDescriptors.Should().Be(2);
        OpenOn(first.Id).Should().Be(1);
        OpenOn(second.Id).Should().Be(1);

        Read(first.Id, second.Id);
        OpenOn(first.Id).Should().Be(1, "the second read reuses it");

        Read(second.Id);
        OpenOn(first.Id).Should().Be(0);
        OpenOn(second.Id).Should().Be(1);
        Read();
        OpenOn(second.Id).Should().Be(0);
        _reader.KeptDescriptors.Should().Be(0);
    }

    /// <summary>This process's descriptors open on the pid's statm, from /proc/self/fd's links.</summary>
    private static int OpenOn(int pid)
    {
        var target = $"/proc/{pid}/statm";
        var count = 0;
        foreach (var link in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                count += new FileInfo(link).LinkTarget == target ? 1 : 0;
            }
            catch (IOException)
            {
                // closed by another thread meanwhile
            }
        }
        return count;
    }

    [Fact]
    public void A_reaped_child_reads_as_gone_through_its_kept_descriptor_and_it_is_closed()
    {
        var child = Start("/bin/sleep", "30");
        Read(child.Id).Should().NotBeNull();

        child.Kill();
        child.WaitForExit();

        Read(child.Id).Should().BeNull();
        _reader.KeptDescriptors.Should().Be(0);
    }

    [Fact]
    public void No_pid_and_a_pid_that_does_not_exist_have_no_figures()
    {
        Read(0, int.MaxValue).Should().AllSatisfy(u => u.Should().BeNull());
        _reader.KeptDescriptors.Should().Be(0);
    }

    [Fact]
    public void The_resident_set_is_the_second_statm_field_in_pages()
    {
        ChildUsageReader
            .ParseResidentBytes(Encoding.ASCII.GetBytes("4242 300 100 10 0 200 0\n"))
            .Should()
            .Be(300L * Environment.SystemPageSize);
        ChildUsageReader.ParseResidentBytes(Encoding.ASCII.GetBytes("garbage")).Should().Be(0);
    }

    private ChildUsage? Read(int pid) => Read([pid])[0];

    private ChildUsage?[] Read(params int[] pids)
    {
        var into = new ChildUsage?[pids.Length];
        _reader.Read(pids, into);
        return into;
    }

    private Process Start(string file, params string[] arguments)
    {
        var child = Process.Start(new ProcessStartInfo(file, arguments) { UseShellExecute = false })!;
        _children.Add(child);
        return child;
    }
}
