using System.Text;
using Microsoft.Extensions.Time.Testing;
using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Tests.Processes;
using Supervise.Supervisord.Wire;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Tests.Wire;

/// <summary>
/// getAllProcessInfo's cached array against a fresh rendering at the same moment, with real children on a fake clock
/// that starts 750 ms into a second: the bytes are equal within a second, across the second boundary, after a state
/// change and after a group is added; and the same instance comes back only while nothing it shows has changed.
/// </summary>
public sealed class AllProcessInfoCacheSpecs : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, 750, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly EngineFixture _engine;
    private readonly AllProcessInfoCache _cache = new();

    public AllProcessInfoCacheSpecs() => _engine = new EngineFixture(_time);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task The_cached_reply_is_the_fresh_reply_within_a_second_across_its_boundary_and_after_changes()
    {
        var web = await Running("web");
        await Running("api");

        _time.Advance(TimeSpan.FromMilliseconds(500));
        var first = _cache.Get(_engine.Registry.AllByName, _time.GetUtcNow());
        Text(first).Should().Be(Fresh(), "the first call renders");
        Text(first)
            .Should()
            .Contain(
                "uptime 0:00:01",
                "12:00:01.250 less 12:00:00.750 is one second of Supervisor's int(now) - int(start)"
            );

        _time.Advance(TimeSpan.FromMilliseconds(600));
        var sameSecond = _cache.Get(_engine.Registry.AllByName, _time.GetUtcNow());
        sameSecond.Should().BeSameAs(first, "at 12:00:01.850 nothing shown has changed");
        Text(sameSecond).Should().Be(Fresh());

        _time.Advance(TimeSpan.FromMilliseconds(200));
        var nextSecond = _cache.Get(_engine.Registry.AllByName, _time.GetUtcNow());
        nextSecond.Should().NotBeSameAs(first, "12:00:02.050 is the next second");
        Text(nextSecond).Should().Be(Fresh()).And.Contain("uptime 0:00:02");

        (await web.StopAsync()).Accepted.Should().BeTrue();
        await EngineFixture.WaitFor(web, ProcessState.Stopped);
        var afterStop = _cache.Get(_engine.Registry.AllByName, _time.GetUtcNow());
        afterStop.Should().NotBeSameAs(nextSecond, "web stopped within the same second");
        Text(afterStop).Should().Be(Fresh()).And.Contain("<string>STOPPED</string>");

        await Running("worker");
        var afterAdd = _cache.Get(_engine.Registry.AllByName, _time.GetUtcNow());
        Text(afterAdd).Should().Be(Fresh()).And.Contain("<string>worker</string>");
        _engine.Registry.AllByName.Select(p => p.Name).Should().Equal("api", "web", "worker");
    }

    [Fact]
    public async Task The_sorted_list_is_the_same_instance_until_the_groups_change()
    {
        await Running("b");
        var before = _engine.Registry.AllByName;
        _engine.Registry.AllByName.Should().BeSameAs(before);

        await Running("a");

        var after = _engine.Registry.AllByName;
        after.Should().NotBeSameAs(before);
        after.Select(p => p.Name).Should().Equal("a", "b");
    }

    private async Task<SupervisedProcess> Running(string name)
    {
        var process = _engine.Add(TestConfigs.Program(name, "/bin/sleep 30") with { StartSecs = 0 }).Processes[0];
        (await process.StartAsync()).Accepted.Should().BeTrue();
        await EngineFixture.WaitFor(process, ProcessState.Running);
        return process;
    }

    /// <summary>What the reply was before the cache: every struct built and rendered at this moment.</summary>
    private string Fresh()
    {
        var now = _time.GetUtcNow();
        return Text(
            new XmlRpcArray([.. _engine.Registry.AllByName.Select(p => (XmlRpcValue)ProcessInfoStruct.Of(p, now))])
        );
    }

    private static string Text(XmlRpcValue value) => Encoding.UTF8.GetString(XmlRpcResponseWriter.Response(value));
}
