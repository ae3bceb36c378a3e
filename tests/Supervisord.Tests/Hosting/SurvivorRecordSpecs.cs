using System.Diagnostics;
using Supervise.Supervisord.Hosting;

namespace Supervise.Supervisord.Tests.Hosting;

public sealed class SurvivorRecordSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("supervise-survivors-").FullName;

    private string Pidfile => Path.Combine(_directory, "supervisord.pid");

    [Fact]
    public void A_recorded_child_that_is_still_alive_is_found_as_a_survivor()
    {
        using var child = Process.Start("sleep", "30");
        var record = new SurvivorRecord(Pidfile);

        record.Spawned(child.Id, 15, toGroup: true, "web");

        SurvivorRecord
            .FindSurvivors(Pidfile)
            .Should()
            .ContainSingle()
            .Which.Should()
            .BeEquivalentTo(
                new
                {
                    Pid = child.Id,
                    StopSignal = 15,
                    ToGroup = true,
                    Name = "web",
                }
            );
        child.Kill();
    }

    [Fact]
    public void A_reaped_child_is_not_a_survivor()
    {
        using var child = Process.Start("sleep", "30");
        using var record = new SurvivorRecord(Pidfile);

        record.Spawned(child.Id, 15, toGroup: false, "web");
        record.Reaped(child.Id);

        SurvivorRecord.FindSurvivors(Pidfile).Should().BeEmpty();
        child.Kill();
    }

    [Fact]
    public void A_pid_with_another_start_time_is_not_mistaken_for_ours()
    {
        File.WriteAllText(Pidfile + ".children", $"+ {Environment.ProcessId} 1 15 0 impostor\n");

        SurvivorRecord.FindSurvivors(Pidfile).Should().BeEmpty();
    }

    [Fact]
    public void The_journal_stays_small_under_many_spawns_and_exits()
    {
        using var record = new SurvivorRecord(Pidfile);
        for (var i = 0; i < 1000; i++)
        {
            record.Spawned(Environment.ProcessId, 15, false, "self");
            record.Reaped(Environment.ProcessId);
        }

        File.ReadAllLines(record.Path).Length.Should().BeLessThan(200);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
