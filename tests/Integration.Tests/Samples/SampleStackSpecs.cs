using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Samples;

/// <summary>
/// The shipped sample stack (samples/supervisord.conf with its conf.d drop-ins, INI and TOML) under our daemon: the
/// workers and the beat come up, and the feeds shipped in samples/feeds end up in a digest. It runs on a copy of
/// samples/ so that a user's own samples/run is never touched.
/// </summary>
public sealed class SampleStackSpecs
{
    [Fact]
    public async Task The_sample_stack_runs_under_our_daemon_and_publishes_a_digest_of_the_shipped_feeds()
    {
        var root = Directory.CreateTempSubdirectory("supervise-samples-").FullName;
        var samples = Path.Combine(root, "samples");
        Copy(Path.Combine(Binaries.RepositoryRoot, "samples"), samples);
        Directory.CreateSymbolicLink(
            Path.Combine(root, "artifacts"),
            Path.Combine(Binaries.RepositoryRoot, "artifacts")
        );
        Directory.CreateDirectory(Path.Combine(samples, "run", "logs"));

        await using var daemon = Infrastructure.Daemon.ForConfig(
            root,
            Path.Combine(samples, "supervisord.conf"),
            Path.Combine(samples, "run", "supervisor.sock")
        );
        await daemon.StartAsync();

        foreach (
            var name in new[]
            {
                "feeds:feed_beat",
                "feeds:feed_worker_00",
                "feeds:feed_worker_01",
                "feeds:feed_worker_02",
                "nightly_beat",
            }
        )
        {
            await daemon.WaitForStateAsync(name, "RUNNING", 15);
        }
        var digest = Path.Combine(samples, "run", "digest.md");
        await Eventually.UntilAsync(
            () => File.Exists(digest) && Directory.EnumerateFiles(Path.Combine(samples, "run", "cache")).Count() >= 3,
            "every shipped feed is cached and a digest is published",
            TimeSpan.FromSeconds(60)
        );

        File.ReadAllText(digest).Should().NotBeNullOrWhiteSpace();
        (await daemon.CtlAsync("tail", "feeds:feed_worker_00")).ExitCode.Should().Be(0);
        (await daemon.CtlAsync("stop", "feeds:*")).Output.Should().Contain("feeds:feed_worker_00: stopped");
        MainLog
            .Read(Path.Combine(samples, "run", "supervisord.log"))
            .Where(l => l.Message.StartsWith("stopped: feed_worker", StringComparison.Ordinal))
            .Should()
            .OnlyContain(
                l => l.Message.EndsWith("(exit status 0)", StringComparison.Ordinal),
                "a worker finishes its job and exits 0 on SIGTERM"
            );
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("run" or "bin" or "obj") && !name.StartsWith("Feed", StringComparison.Ordinal))
            {
                Copy(directory, Path.Combine(target, name));
            }
        }
    }
}
