using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>TOML maps [program.web] to INI's [program:web]; the same config in both syntaxes gives equal models.</summary>
public sealed class TomlSpecs
{
    private const string Ini = """
        [supervisord]
        logfile=%(here)s/s.log
        pidfile=%(here)s/s.pid
        childlogdir=%(here)s
        environment=GLOBAL="g"

        [unix_http_server]
        file=%(here)s/s.sock

        [program:web]
        command=/bin/web --port %(process_num)d
        process_name=%(program_name)s_%(process_num)02d
        numprocs=2
        autostart=false
        exitcodes=0,2
        environment=A="1",B="two words"
        stdout_logfile=%(here)s/web.log

        [program:worker]
        command=/bin/worker

        [group:backend]
        programs=web,worker
        priority=10

        [eventlistener:ev]
        command=/bin/listener
        events=TICK_5,PROCESS_STATE
        """;

    private const string Toml = """
        [supervisord]
        logfile = "%(here)s/s.log"
        pidfile = "%(here)s/s.pid"
        childlogdir = "%(here)s"
        environment = { GLOBAL = "g" }

        [unix_http_server]
        file = "%(here)s/s.sock"

        [program.web]
        command = "/bin/web --port %(process_num)d"
        process_name = "%(program_name)s_%(process_num)02d"
        numprocs = 2
        autostart = false
        exitcodes = [0, 2]
        environment = { A = "1", B = "two words" }
        stdout_logfile = "%(here)s/web.log"

        [program.worker]
        command = "/bin/worker"

        [group.backend]
        programs = ["web", "worker"]
        priority = 10

        [eventlistener.ev]
        command = "/bin/listener"
        events = ["TICK_5", "PROCESS_STATE"]
        """;

    [Fact]
    public void The_same_config_in_toml_and_ini_gives_equal_models()
    {
        using var temp = new TempConfig();
        temp.Write("supervisord.conf", Ini);
        temp.Write("supervisord.toml", Toml);

        var ini = temp.Load();
        var toml = temp.Load("supervisord.toml");

        ini.Errors.Should().BeEmpty();
        toml.Errors.Should().BeEmpty();
        toml.Config!.Groups.Should().Equal(ini.Config!.Groups);
        toml.Config.Daemon.Should().Be(ini.Config.Daemon);
        toml.Config.UnixHttpServer.Should().Be(ini.Config.UnixHttpServer);
        toml.Config.Groups.Select(g => g.Name).Should().Equal("ev", "backend");
        toml.Config.Groups[1].Processes.Select(p => p.Name).Should().Equal("web_00", "web_01", "worker");
    }

    [Fact]
    public void A_toml_file_can_be_included_from_ini()
    {
        using var temp = new TempConfig();
        temp.Write(
            "conf.d/beat.toml",
            "[program.beat]\ncommand = \"/bin/beat\"\nstartsecs = 0\nenvironment = { N = 1 }\n"
        );

        var process = temp.LoadWithHead("[include]\nfiles=conf.d/*.toml\n").Config!.Groups[0].Processes[0];

        process.Name.Should().Be("beat");
        process.StartSecs.Should().Be(0);
        process.Environment.Should().Equal(new EnvironmentVariable("N", "1"));
    }

    [Fact]
    public void Toml_errors_carry_file_and_line()
    {
        using var temp = new TempConfig();
        temp.Write("c.toml", "[supervisord]\n\n[program.x]\ncommand = \"x\"\nautostart = \"maybe\"\n");

        var error = temp.Load("c.toml").Errors.Should().ContainSingle().Subject;

        error.ToString().Should().Be($"{temp.Dir}/c.toml:5 [program:x] autostart: not a valid boolean value: 'maybe'");
    }

    [Fact]
    public void Toml_syntax_errors_are_diagnostics()
    {
        using var temp = new TempConfig();
        temp.Write("c.toml", "[supervisord]\nlogfile = \n");

        var result = temp.Load("c.toml");

        result.Succeeded.Should().BeFalse();
        result
            .Errors.Should()
            .Contain(e => e.File == $"{temp.Dir}/c.toml" && e.Line == 2 && e.Message.StartsWith("TOML syntax error"));
    }

    [Fact]
    public void Toml_keys_defined_twice_are_refused()
    {
        using var temp = new TempConfig();
        temp.Write("c.toml", "[supervisord]\nnodaemon = true\nnodaemon = false\n");

        temp.Load("c.toml").Errors.Should().Contain(e => e.Line == 3 && e.Option == "nodaemon");
    }

    [Fact]
    public void A_quoted_section_name_works_like_the_ini_one()
    {
        using var temp = new TempConfig();
        temp.Write("c.toml", "[supervisord]\n[\"program:x\"]\ncommand = \"x\"\n");

        temp.Load("c.toml").Config!.Groups.Should().ContainSingle().Which.Name.Should().Be("x");
    }

    [Fact]
    public void Rpcinterface_factory_is_written_as_a_dotted_key()
    {
        using var temp = new TempConfig();
        temp.Write(
            "c.toml",
            "[supervisord]\n[rpcinterface.supervisor]\n\"supervisor.rpcinterface_factory\" = \"supervisor.rpcinterface:make_main_rpcinterface\"\n"
        );

        temp.Load("c.toml").Config!.RpcInterfaces.Should().ContainSingle();
    }

    [Fact]
    public void A_toml_main_file_includes_with_an_array_of_globs()
    {
        using var temp = new TempConfig();
        temp.Write("conf.d/a.conf", "[program:a]\ncommand=x\n");
        temp.Write("more/b.toml", "[program.b]\ncommand = \"y\"\n");
        temp.Write(
            "c.toml",
            "[supervisord]\nchildlogdir = \"%(here)s\"\n[include]\nfiles = [\"conf.d/*.conf\", \"more/*.toml\"]\n"
        );

        var result = temp.Load("c.toml");

        result.Config!.Groups.Select(g => g.Name).Should().Equal("a", "b");
        result.Notices.Should().HaveCount(2);
    }
}
