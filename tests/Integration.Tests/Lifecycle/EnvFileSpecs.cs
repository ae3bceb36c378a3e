using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Lifecycle;

/// <summary>env_files= on a real daemon: values reach the child, environment= wins, optional and required files.</summary>
public sealed class EnvFileSpecs
{
    [Fact]
    public async Task Env_file_values_reach_the_child_and_environment_overrides_them()
    {
        await using var daemon = Infrastructure.Daemon.WithConfig(
            """
            [program:app]
            command=/bin/sh -c 'echo "$TOKEN $SHARED $COMMON" > {W}/seen; exec sleep 600'
            env_files={W}/app.env, -{W}/absent.env
            environment=SHARED="from-environment"
            startsecs=0
            """,
            supervisordExtra: "env_files=common.env"
        );
        File.WriteAllText(Path.Combine(daemon.Directory, "app.env"), "TOKEN=secret-1\nSHARED=from-file\n");
        File.WriteAllText(Path.Combine(daemon.Directory, "common.env"), "export COMMON='from common'\n");
        await daemon.StartAsync();

        await Eventually.UntilAsync(
            () => File.Exists(Path.Combine(daemon.Directory, "seen")) && daemon.ReadFile("seen").Length > 0,
            "the child wrote its environment"
        );
        daemon.ReadFile("seen").Trim().Should().Be("secret-1 from-environment from common");

        // Read at each spawn: a rotated secret reaches the next start without a reread.
        File.WriteAllText(Path.Combine(daemon.Directory, "app.env"), "TOKEN=secret-2\n");
        File.Delete(Path.Combine(daemon.Directory, "seen"));
        (await daemon.CtlAsync("restart", "app")).Output.Should().Contain("app: started");
        await Eventually.UntilAsync(
            () => File.Exists(Path.Combine(daemon.Directory, "seen")) && daemon.ReadFile("seen").Length > 0,
            "the restarted child wrote its environment"
        );
        daemon.ReadFile("seen").Trim().Should().StartWith("secret-2 ");
    }

    [Fact]
    public async Task A_missing_required_env_file_is_a_spawn_error()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:app]
                command=/bin/sleep 600
                env_files={W}/missing.env
                startretries=0
                autostart=false
                """
            )
            .StartAsync();

        var start = await daemon.CtlAsync("start", "app");

        start.ExitCode.Should().NotBe(0);
        start.Output.Trim().Should().Be("app: ERROR (spawn error)");
        var status = (await daemon.CtlAsync("status", "app")).Output;
        status.Should().Contain("FATAL").And.Contain($"can't find env file '{daemon.Directory}/missing.env'");
        MainLog
            .Read(daemon)
            .Should()
            .Contain(l => l.Message == $"spawnerr: can't find env file '{daemon.Directory}/missing.env'");
    }
}
