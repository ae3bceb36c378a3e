using Supervise.Supervisord.Configuration;
using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>depends_on=, ready= and the probe timing: parsed in INI and TOML, validated with their place.</summary>
public sealed class ReadinessConfigSpecs
{
    private const string Db = "[program:db]\ncommand=/bin/db\nready=tcp://127.0.0.1:5432\n\n";

    [Fact]
    public void A_config_without_the_options_gets_the_default_which_is_supervisors_behaviour()
    {
        using var temp = new TempConfig();
        var process = temp.LoadWithHead("[program:x]\ncommand=/bin/x\n").Config!.Groups[0].Processes[0];

        process.Readiness.Should().BeSameAs(ReadinessConfig.Default);
    }

    [Fact]
    public void Depends_on_ready_and_the_timing_are_read_from_ini()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead(
            Db
                + "[program:web]\ncommand=/bin/web\ndepends_on=db\nready=http://localhost:8080/health\nready_interval=0.1\nready_timeout=2\nready_deadline=30\n"
        );

        result.Errors.Should().BeEmpty();
        var web = result.Config!.Groups.Single(g => g.Name == "web").Processes[0].Readiness;
        web.Should()
            .Be(
                new ReadinessConfig(
                    new ValueList<string>(["db"]),
                    new ReadyProbe(ReadyKind.Http, "http://localhost:8080/health"),
                    TimeSpan.FromSeconds(0.1),
                    TimeSpan.FromSeconds(2),
                    TimeSpan.FromSeconds(30)
                )
            );
        result
            .Config.Groups.Single(g => g.Name == "db")
            .Processes[0]
            .Readiness.Probe.Should()
            .Be(new ReadyProbe(ReadyKind.Tcp, "127.0.0.1:5432"));
    }

    [Theory]
    [InlineData("notify", ReadyKind.Notify, "")]
    [InlineData("exec:/usr/bin/pg_isready -q", ReadyKind.Exec, "/usr/bin/pg_isready -q")]
    [InlineData("running", ReadyKind.Running, "")]
    [InlineData("tcp://db.local:6379", ReadyKind.Tcp, "db.local:6379")]
    public void Each_ready_form_is_understood(string value, ReadyKind kind, string target)
    {
        using var temp = new TempConfig();
        var process = temp.LoadWithHead($"[program:x]\ncommand=/bin/x\nready={value}\n").Config!.Groups[0].Processes[0];

        process.Readiness.Probe.Should().Be(new ReadyProbe(kind, target));
    }

    [Fact]
    public void The_same_options_in_toml_give_the_same_model()
    {
        using var temp = new TempConfig();
        temp.Write(
            "supervisord.conf",
            TempConfig.Head
                + Db
                + "[program:web]\ncommand=/bin/web\ndepends_on=db, db\nready=notify\nready_deadline=5\n"
        );
        temp.Write(
            "supervisord.toml",
            """
            [supervisord]
            logfile = "{W}/supervisord.log"
            pidfile = "{W}/supervisord.pid"
            childlogdir = "{W}"

            [program.db]
            command = "/bin/db"
            ready = "tcp://127.0.0.1:5432"

            [program.web]
            command = "/bin/web"
            depends_on = ["db"]
            ready = "notify"
            ready_deadline = 5
            """
        );

        var ini = temp.Load();
        var toml = temp.Load("supervisord.toml");

        ini.Errors.Should().BeEmpty();
        toml.Errors.Should().BeEmpty();
        toml.Config!.Groups.Should().Equal(ini.Config!.Groups);
    }

    [Theory]
    [InlineData(
        "ready=tcp://nohost",
        "ready",
        "tcp:// needs host:port with a port from 1 to 65535, got 'tcp://nohost'"
    )]
    [InlineData(
        "ready=tcp://h:70000",
        "ready",
        "tcp:// needs host:port with a port from 1 to 65535, got 'tcp://h:70000'"
    )]
    [InlineData("ready=exec:", "ready", "exec: needs a command, as in exec:/usr/bin/pg_isready")]
    [InlineData(
        "ready=sometimes",
        "ready",
        "must be running, tcp://host:port, http://host:port/path, notify or exec:command, got 'sometimes'"
    )]
    [InlineData("ready_interval=0", "ready_interval", "must be a number of seconds above 0 (at most 86400), got '0'")]
    [InlineData(
        "ready_deadline=soon",
        "ready_deadline",
        "must be a number of seconds above 0 (at most 86400), got 'soon'"
    )]
    [InlineData("depends_on=nosuch", "depends_on", "names 'nosuch', which is neither a program nor a group")]
    public void A_bad_value_is_reported_with_file_line_section_and_option(string line, string option, string message)
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead($"[program:x]\ncommand=sleep 600\n{line}\n");

        result.Config.Should().BeNull();
        result
            .Errors.Should()
            .ContainSingle()
            .Which.ToString()
            .Should()
            .Be($"{temp.Dir}/supervisord.conf:7 [program:x] {option}: {message}");
    }

    [Fact]
    public void A_cycle_is_one_error_that_names_every_member_in_order()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead(
            """
            [program:a]
            command=/bin/a
            depends_on=b

            [program:b]
            command=/bin/b
            depends_on=c

            [program:c]
            command=/bin/c
            depends_on=a

            [program:d]
            command=/bin/d
            depends_on=a
            """
        );

        result.Config.Should().BeNull();
        result
            .Errors.Should()
            .ContainSingle()
            .Which.ToString()
            .Should()
            .Be($"{temp.Dir}/supervisord.conf:7 [program:a] depends_on: dependency cycle: a -> b -> c -> a");
    }

    [Fact]
    public void A_group_name_stands_for_its_members_and_a_program_depending_on_its_own_group_is_a_cycle()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead(
            """
            [group:backend]
            programs=api,worker

            [program:api]
            command=/bin/api
            depends_on=backend

            [program:worker]
            command=/bin/worker

            [program:web]
            command=/bin/web
            depends_on=backend
            """
        );

        result.Errors.Select(e => e.Message).Should().Equal("dependency cycle: api -> api");
    }

    [Fact]
    public void Check_shows_dependencies_and_readiness_only_for_the_programs_that_use_them()
    {
        using var temp = new TempConfig();
        var text = CheckReport.Format(temp.LoadWithHead(Db + "[program:web]\ncommand=/bin/web\ndepends_on=db\n")).Text;

        text.Should()
            .Contain("\ndb\n")
            .And.Contain(
                "  depends:   (nothing)\n  ready:     tcp://127.0.0.1:5432 (every 0.25s, timeout 1s, deadline 60s)\n"
            );
        text.Should().Contain("  depends:   db\n  ready:     running\n");
        using var plain = new TempConfig();
        CheckReport
            .Format(plain.LoadWithHead("[program:x]\ncommand=/bin/x\n"))
            .Text.Should()
            .NotContain("depends:")
            .And.NotContain("ready:");
    }

    [Fact]
    public void Check_refuses_a_cycle_naming_every_member()
    {
        using var temp = new TempConfig();
        var output = CheckReport.Format(
            temp.LoadWithHead(
                "[program:a]\ncommand=/bin/a\ndepends_on=b\n\n[program:b]\ncommand=/bin/b\ndepends_on=a\n"
            )
        );

        output.ExitCode.Should().Be(2);
        output.Text.Should().Contain("[program:a] depends_on: dependency cycle: a -> b -> a");
    }
}
