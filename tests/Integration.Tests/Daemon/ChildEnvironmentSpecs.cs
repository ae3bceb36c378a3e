using Supervise.Integration.Tests.Infrastructure;

namespace Supervise.Integration.Tests.Daemon;

/// <summary>What a child sees: environment, directory, umask and user (reference §2.6).</summary>
public sealed class ChildEnvironmentSpecs
{
    [Fact]
    public async Task Children_get_supervisors_variables_and_the_configured_environment()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:envy]
                command={CHILD} env:SUPERVISOR_ENABLED env:SUPERVISOR_PROCESS_NAME env:SUPERVISOR_GROUP_NAME env:SUPERVISOR_SERVER_URL env:A env:B env:GLOBAL hang
                environment=A="1",B="two words"
                stdout_logfile={W}/envy.log
                """,
                supervisordExtra: "environment=GLOBAL=g"
            )
            .StartAsync();

        await Eventually.UntilAsync(
            () =>
                File.Exists(Path.Combine(daemon.Directory, "envy.log"))
                && daemon.ReadFile("envy.log").Contains("GLOBAL=", StringComparison.Ordinal),
            "the child printed its environment"
        );

        daemon
            .ReadFile("envy.log")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Should()
            .Equal(
                "SUPERVISOR_ENABLED=1",
                "SUPERVISOR_PROCESS_NAME=envy",
                "SUPERVISOR_GROUP_NAME=envy",
                $"SUPERVISOR_SERVER_URL=unix://{daemon.SocketPath}",
                "A=1",
                "B=two words",
                "GLOBAL=g"
            );
    }

    [Fact]
    public async Task The_daemons_own_socket_setting_does_not_reach_children()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:envall]
                command=/usr/bin/env
                autorestart=false
                startsecs=0
                stdout_logfile={W}/envall.log
                """
            )
            .StartAsync();

        await Eventually.UntilAsync(
            () =>
                File.Exists(Path.Combine(daemon.Directory, "envall.log"))
                && daemon.ReadFile("envall.log").Contains("SUPERVISOR_GROUP_NAME=", StringComparison.Ordinal),
            "the child printed its environment"
        );

        // The daemon turns inline socket completions on for itself (InlineSocketCompletions); a .NET child must not
        // inherit a scheduling change it did not ask for.
        daemon.ReadFile("envall.log").Should().NotContain("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS");
    }

    [Fact]
    public async Task Directory_and_umask_apply_to_the_child()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:wd]
                command={CHILD} pwd umask hang
                directory=/tmp
                umask=027
                stdout_logfile={W}/wd.log
                """
            )
            .StartAsync();

        await Eventually.UntilAsync(
            () =>
                File.Exists(Path.Combine(daemon.Directory, "wd.log"))
                && daemon.ReadFile("wd.log").Split('\n').Length >= 3,
            "the child printed its directory and umask",
            TimeSpan.FromSeconds(15)
        );

        daemon.ReadFile("wd.log").Should().Be("/tmp\n0027\n");
    }

    [RootFact]
    public async Task User_runs_the_child_as_that_user()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:nobody]
                command=/usr/bin/id -u
                user=nobody
                autorestart=false
                startsecs=0
                stdout_logfile={W}/id.log
                """
            )
            .StartAsync();

        await Eventually.UntilAsync(
            () => File.Exists(Path.Combine(daemon.Directory, "id.log")) && daemon.ReadFile("id.log").Length > 0,
            "the child printed its uid",
            TimeSpan.FromSeconds(15)
        );

        daemon.ReadFile("id.log").Trim().Should().Be("65534");
    }

    [Fact]
    public async Task A_directory_that_does_not_exist_is_reported_in_the_childs_stderr_and_backs_off()
    {
        await using var daemon = await Infrastructure
            .Daemon.WithConfig(
                """
                [program:lost]
                command=/bin/true
                directory=/nonexistent/dir
                umask=022
                startretries=0
                stderr_logfile={W}/lost.err
                """
            )
            .StartAsync();

        await daemon.WaitForStateAsync("lost", "FATAL", 15);

        daemon.ReadFile("lost.err").Should().Contain("supervisor: couldn't chdir to /nonexistent/dir: ENOENT");
    }
}
