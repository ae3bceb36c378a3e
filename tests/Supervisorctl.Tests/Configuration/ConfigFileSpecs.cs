using Supervise.Supervisorctl.CommandLine;
using Supervise.Supervisorctl.Commands;
using Supervise.Supervisorctl.Configuration;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Configuration;

public sealed class ConfigFileSpecs : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ctl-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Join(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private CtlFileSettings? Read(string? file, params string[] searchPaths) =>
        new CtlConfigReader(new Dictionary<string, string> { ["HOME"] = "/home/u", ["SOCK"] = "s.sock" }, _dir).Read(
            file,
            searchPaths
        );

    [Fact]
    public void Without_a_file_the_ctl_uses_its_defaults()
    {
        Read(null, "missing.conf", "etc/missing.conf").Should().BeNull();
    }

    [Fact]
    public void The_first_file_found_on_the_search_path_is_read()
    {
        Write("etc/supervisord.conf", "[supervisorctl]\nserverurl = http://second:1\n");

        Read(null, "supervisord.conf", "etc/supervisord.conf")!.ServerUrl.Should().Be("http://second:1");
    }

    [Fact]
    public void Serverurl_expands_here_and_environment_and_normalizes_a_unix_path()
    {
        var file = Write(
            "conf/ctl.conf",
            "[supervisorctl]\nserverurl = unix://%(here)s/../run/%(ENV_SOCK)s\nprompt = box\nusername = u ; comment\nhistory_file = ~/.hist\n"
        );

        Read(file).Should().Be(new CtlFileSettings($"unix://{_dir}/run/s.sock", "box", "u", null, "/home/u/.hist"));
    }

    [Fact]
    public void A_file_without_a_supervisorctl_section_is_a_usage_error()
    {
        var file = Write("x.conf", "[supervisord]\n");

        var act = () => Read(file);

        act.Should().Throw<UsageException>().WithMessage(".ini file does not include supervisorctl section");
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var act = () => Read("/nonexist");

        act.Should().Throw<UsageException>().WithMessage("could not find config file /nonexist");
    }

    [Fact]
    public void An_unknown_expansion_names_the_option_and_the_available_names()
    {
        var file = Write("x.conf", "[supervisorctl]\nserverurl = http://%(nope)s\n");

        var act = () => Read(file);

        act.Should()
            .Throw<UsageException>()
            .WithMessage(
                "Format string 'http://%(nope)s' for 'supervisorctl.serverurl' contains names ('nope') which cannot be expanded. Available names: ENV_HOME, ENV_SOCK, here"
            );
    }

    [Fact]
    public void Command_line_values_override_the_file_and_credentials_reach_the_client()
    {
        var file = Write(
            "x.conf",
            "[supervisorctl]\nserverurl = unix:///from/file.sock\nusername = fileuser\npassword = filepass\n"
        );
        CtlSession? used = null;
        var daemon = new FakeSupervisor();
        var output = new StringWriter();
        var environment = new CtlEnvironment(
            output,
            output,
            new ScriptedConsole(output),
            session =>
            {
                used = session;
                return daemon;
            },
            new Dictionary<string, string>(),
            _dir,
            [],
            "supervisorctl",
            TimeZoneInfo.Utc
        );

        CtlApp.RunAsync(["-c", file, "-u", "cli", "status"], environment).GetAwaiter().GetResult();

        used!.ServerUrl.Should().Be("unix:///from/file.sock");
        used.Username.Should().Be("cli");
        used.Password.Should().Be("filepass");
    }

    [Fact]
    public void The_ctl_exits_2_for_a_file_without_its_section()
    {
        var file = Write("x.conf", "[program:x]\ncommand=true\n");

        var run = Ctl.Run(new FakeSupervisor(), "-c", file, "status");

        run.Error.Should()
            .Be("Error: .ini file does not include supervisorctl section\nFor help, use /usr/bin/supervisorctl -h\n");
        run.ExitCode.Should().Be(2);
    }

    [Theory]
    [InlineData("a/b/../c", "/cwd", "/cwd/a/c")]
    [InlineData("/x//y/./z/", "/cwd", "/x/y/z")]
    [InlineData("~/h", "/cwd", "/home/u/h")]
    [InlineData("../..", "/cwd", "/")]
    public void Paths_normalize_as_pythons_normpath_of_abspath(string path, string cwd, string expected)
    {
        PathNormalizer.Normalize(path, cwd, "/home/u").Should().Be(expected);
    }

    [Theory]
    [InlineData("100%%", "100%")]
    [InlineData("%(here)s/x", "/h/x")]
    public void Percent_expansion_follows_python(string value, string expected)
    {
        PercentExpander.Expand(value, new Dictionary<string, string> { ["here"] = "/h" }, "s.k").Should().Be(expected);
    }

    [Theory]
    [InlineData("50%", "Format string '50%' for 's.k' is badly formatted: incomplete format")]
    // Python's own TypeError text (Supervisor's ctl lets it escape as a traceback); the daemon reports the same.
    [InlineData(
        "%(here)d",
        "Format string '%(here)d' for 's.k' is badly formatted: %d format: a real number is required, not str"
    )]
    [InlineData(
        "%(here)z",
        "Format string '%(here)z' for 's.k' is badly formatted: unsupported format character 'z' (0x7a) at index 7"
    )]
    public void Malformed_percent_formats_are_reported(string value, string message)
    {
        var act = () => PercentExpander.Expand(value, new Dictionary<string, string> { ["here"] = "/h" }, "s.k");

        act.Should().Throw<UsageException>().WithMessage(message);
    }
}
