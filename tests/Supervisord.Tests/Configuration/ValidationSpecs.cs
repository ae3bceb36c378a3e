using Supervise.Supervisord.Configuration;

namespace Supervise.Supervisord.Tests.Configuration;

public sealed class ValidationSpecs
{
    private static ConfigDiagnostic Single(TempConfig temp, string body)
    {
        var result = temp.LoadWithHead(body);
        result.Config.Should().BeNull();
        return result.Errors.Should().ContainSingle().Subject;
    }

    [Theory]
    [InlineData("autostart=maybe", "autostart", "not a valid boolean value: 'maybe'")]
    [InlineData("stopsignal=FOO", "stopsignal", "value 'FOO' is not a valid signal name")]
    [InlineData("exitcodes=0,256", "exitcodes", "not a valid list of exit codes: '0,256'")]
    [InlineData(
        "stdout_logfile_maxbytes=10xb",
        "stdout_logfile_maxbytes",
        "invalid literal for int() with base 10: '10xb'"
    )]
    [InlineData("autorestart=sometimes", "autorestart", "invalid 'autorestart' value 'sometimes'")]
    [InlineData("environment=A=1,B", "environment", "Unexpected end of key/value pairs in value 'A=1,B'")]
    [InlineData("user=nosuchuserzz", "user", "Invalid user name nosuchuserzz")]
    [InlineData(
        "stdout_logfile=/nonexistent/dir/x.log",
        "stdout_logfile",
        "The directory named as part of the path /nonexistent/dir/x.log does not exist"
    )]
    [InlineData("umask=999", "umask", "999 can not be converted to an octal type")]
    [InlineData("priority=abc", "priority", "invalid literal for int() with base 10: 'abc'")]
    [InlineData("startsecs=1.5", "startsecs", "invalid literal for int() with base 10: '1.5'")]
    [InlineData("numprocs=2", "process_name", "%(process_num) must be present within process_name when numprocs > 1")]
    [InlineData("process_name=a b", "process_name", "Invalid name: 'a b' because of character: ' '")]
    [InlineData(
        "priority=%(process_num)d",
        "priority",
        "Format string '%(process_num)d' for 'program:x.priority' contains names ('process_num') which cannot be expanded. Available names: ENV_HOME, ENV_TESTVAR, group_name, here, host_node_name, program_name"
    )]
    public void A_bad_program_option_is_reported_with_file_line_section_and_option(
        string line,
        string option,
        string message
    )
    {
        using var temp = new TempConfig();
        var error = Single(temp, $"[program:x]\ncommand=sleep 600\n{line}\n");

        error.ToString().Should().Be($"{temp.Dir}/supervisord.conf:7 [program:x] {option}: {message}");
    }

    [Fact]
    public void Stopasgroup_without_killasgroup_is_refused()
    {
        using var temp = new TempConfig();
        Single(temp, "[program:x]\ncommand=x\nstopasgroup=true\nkillasgroup=false\n")
            .Message.Should()
            .Be("Cannot set stopasgroup=true and killasgroup=false");
    }

    [Fact]
    public void A_program_without_command_is_reported_at_its_header()
    {
        using var temp = new TempConfig();
        var error = Single(temp, "[program:x]\nautostart=true\n");

        error
            .Should()
            .Be(
                new ConfigDiagnostic(
                    $"{temp.Dir}/supervisord.conf",
                    5,
                    "program:x",
                    "command",
                    "program section program:x does not specify a command"
                )
            );
    }

    [Fact]
    public void Every_error_is_reported_not_only_the_first()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead(
            """
            [program:a]
            command=x
            autostart=maybe
            stopsignal=FOO
            [program:b]
            startsecs=zz
            [supervisorctl]
            [group:g]
            programs=a,nope
            """
        );

        result
            .Errors.Select(e => (e.Section, e.Option))
            .Should()
            .BeEquivalentTo(
                new[]
                {
                    ("program:a", "autostart"),
                    ("program:a", "stopsignal"),
                    ("program:b", "startsecs"),
                    ("program:b", "command"),
                    ("group:g", "programs"),
                }
            );
        result.Errors.Should().Contain(e => e.Message == "[group:g] names unknown program or fcgi-program nope");
    }

    [Fact]
    public void Missing_supervisord_section_is_an_error()
    {
        using var temp = new TempConfig();
        temp.Write("c.conf", "[program:x]\ncommand=x\n");

        temp.Load("c.conf")
            .Errors.Should()
            .ContainSingle()
            .Which.ToString()
            .Should()
            .Be($"{temp.Dir}/c.conf [supervisord]: .ini file does not include supervisord section");
    }

    [Fact]
    public void Invalid_program_name_is_refused()
    {
        using var temp = new TempConfig();
        Single(temp, "[program:a b]\ncommand=x\n").Message.Should().Be("Invalid name: 'a b' because of character: ' '");
    }

    [Theory]
    [InlineData("[inet_http_server]\n", "port", "section [inet_http_server] has no port value")]
    [InlineData("[inet_http_server]\nport=abc\n", "port", "not a valid port number: 'abc' ")]
    [InlineData("[inet_http_server]\nport=h:99999\n", "port", "99999 is above upper bound (65535)")]
    [InlineData(
        "[inet_http_server]\nport=9001\nusername=u\n",
        "username",
        "Section [inet_http_server] contains incomplete authentication: If a username or a password is specified, both the username and password must be specified"
    )]
    [InlineData("[unix_http_server]\nchmod=0700\n", "file", "section [unix_http_server] has no file value")]
    [InlineData("[unix_http_server]\nfile=/tmp/s.sock\nchmod=abc\n", "chmod", "Invalid chmod value abc")]
    [InlineData(
        "[unix_http_server]\nfile=/tmp/s.sock\nchown=nosuchuserzz\n",
        "chown",
        "Invalid sockchown value nosuchuserzz"
    )]
    [InlineData(
        "[rpcinterface:foo]\nx=1\n",
        "supervisor.rpcinterface_factory",
        "section [rpcinterface:foo] does not specify a supervisor.rpcinterface_factory"
    )]
    [InlineData("[include]\n", "files", ".ini file has [include] section, but no files setting")]
    public void Server_and_plugin_sections_are_validated(string body, string option, string message)
    {
        using var temp = new TempConfig();
        var error = Single(temp, body);

        (error.Option, error.Message).Should().Be((option, message));
    }

    [Theory]
    [InlineData("loglevel=warning", "loglevel", "bad logging level name 'warning'")]
    [InlineData("minfds=many", "minfds", "invalid literal for int() with base 10: 'many'")]
    [InlineData("childlogdir=/nonexistent/x", "childlogdir", "/nonexistent/x is not an existing directory")]
    [InlineData("directory=/nonexistent/x", "directory", "/nonexistent/x is not an existing directory")]
    [InlineData(
        "logfile=/nonexistent/x/s.log",
        "logfile",
        "The directory named as part of the path /nonexistent/x/s.log does not exist"
    )]
    [InlineData("nodaemon=perhaps", "nodaemon", "not a valid boolean value: 'perhaps'")]
    [InlineData("umask=8", "umask", "8 can not be converted to an octal type")]
    [InlineData(
        "identifier=%(program_name)s",
        "identifier",
        "Format string '%(program_name)s' for 'supervisord.identifier' contains names ('program_name') which cannot be expanded. Available names: ENV_HOME, ENV_TESTVAR, here"
    )]
    public void Daemon_options_are_validated(string line, string option, string message)
    {
        using var temp = new TempConfig();
        temp.Write("supervisord.conf", $"[supervisord]\n{line}\n");

        var error = temp.Load().Errors.Should().ContainSingle().Subject;

        error.ToString().Should().Be($"{temp.Dir}/supervisord.conf:2 [supervisord] {option}: {message}");
    }

    [Fact]
    public void Unknown_keys_and_sections_are_accepted_with_a_warning()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead("[program:x]\ncommand=x\nautorestar=true\n[bogus]\na=1\n");

        result.Succeeded.Should().BeTrue();
        result
            .Warnings.Select(w => w.ToString())
            .Should()
            .BeEquivalentTo(
                $"{temp.Dir}/supervisord.conf:7 [program:x] autorestar: unknown option, ignored",
                $"{temp.Dir}/supervisord.conf:8 [bogus]: unknown section, ignored"
            );
    }

    [Fact]
    public void Default_section_supplies_options_to_every_section()
    {
        using var temp = new TempConfig();
        var config = temp.LoadWithHead(
            "[DEFAULT]\nautostart=false\nstartsecs=5\n[program:a]\ncommand=x\n[program:b]\ncommand=x\nstartsecs=2\n"
        ).Config!;

        config
            .Groups.Select(g => (g.Processes[0].Autostart, g.Processes[0].StartSecs))
            .Should()
            .Equal((false, 5), (false, 2));
    }

    [Fact]
    public void An_error_in_a_default_value_names_the_default_line_and_the_section_using_it()
    {
        using var temp = new TempConfig();
        var error = Single(temp, "[DEFAULT]\nstartsecs=zz\n[program:a]\ncommand=x\n");

        error
            .ToString()
            .Should()
            .Be($"{temp.Dir}/supervisord.conf:6 [program:a] startsecs: invalid literal for int() with base 10: 'zz'");
    }
}
