using Supervise.Supervisord.Configuration;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>
/// Paths, names and URLs that the OS or .NET cannot take (too long for AF_UNIX, a NUL, empty) are refused at load
/// time with their place, never as an exception at start; Supervisor's harmless forms stay accepted.
/// </summary>
public sealed class InputPathSpecs
{
    [Fact]
    public void A_socket_path_of_200_characters_is_refused_with_the_limit_and_its_length()
    {
        using var temp = new TempConfig();
        var file = "/tmp/" + new string('s', 195);

        var result = temp.LoadWithHead($"[unix_http_server]\nfile={file}\n");

        result.Succeeded.Should().BeFalse();
        result
            .Errors.Should()
            .ContainSingle()
            .Which.ToString()
            .Should()
            .Be(
                $"{temp.Dir}/supervisord.conf:6 [unix_http_server] file: Cannot open an HTTP server: AF_UNIX path too long: '{file}' is 200 bytes, "
                    + "and a socket path can have at most 107 (sun_path holds 108 with the closing NUL); choose a shorter path"
            );
        CheckReport.Format(result).ExitCode.Should().Be(2);
    }

    [Fact]
    public void A_socket_path_of_107_bytes_is_accepted()
    {
        using var temp = new TempConfig();
        var file = "/tmp/" + new string('s', 102);

        temp.LoadWithHead($"[unix_http_server]\nfile={file}\n").Config!.UnixHttpServer!.File.Should().Be(file);
    }

    [Fact]
    public void An_fcgi_socket_path_over_the_limit_is_refused()
    {
        using var temp = new TempConfig();

        var error = temp.LoadWithHead($"[fcgi-program:f]\ncommand=x\nsocket=unix:///tmp/{new string('f', 150)}\n")
            .Errors.Should()
            .ContainSingle()
            .Subject;

        (error.Line, error.Option).Should().Be((7, "socket"));
        error.Message.Should().StartWith("AF_UNIX path too long:").And.Contain("is 155 bytes");
    }

    [Fact]
    public void An_empty_socket_file_is_refused_with_its_place()
    {
        using var temp = new TempConfig();

        temp.LoadWithHead("[unix_http_server]\nfile=\n")
            .Errors.Should()
            .ContainSingle()
            .Which.ToString()
            .Should()
            .Be(
                $"{temp.Dir}/supervisord.conf:6 [unix_http_server] file: is empty; name the socket file, such as /run/supervisord.sock"
            );
    }

    [Fact]
    public void An_empty_supervisorctl_serverurl_socket_does_not_stop_the_daemon()
    {
        using var temp = new TempConfig();

        var result = temp.LoadWithHead("[supervisorctl]\nserverurl=unix://\n[program:x]\ncommand=x\n");

        result.Succeeded.Should().BeTrue();
        result
            .Config!.Ctl.ServerUrl.Should()
            .Be("unix://" + Directory.GetCurrentDirectory(), "Supervisor normalizes '' to its current directory");
    }

    [Theory]
    [InlineData("[program:x]\ncommand=/bin/a\0b\n", 6, "program:x", "command")]
    [InlineData("[program:x\0y]\ncommand=x\n", 5, "program:x\0y", "")]
    [InlineData("[program:x]\ncommand=x\nstdout_logfile=/tmp/a\0b\n", 7, "program:x", "stdout_logfile")]
    [InlineData("[unix_http_server]\nfile=/tmp/a\0.sock\n", 6, "unix_http_server", "file")]
    [InlineData("[include]\nfiles=a\0*.conf\n", 6, "include", "files")]
    public void A_nul_character_is_refused_where_it_is_written(string body, int line, string section, string option)
    {
        using var temp = new TempConfig();

        var error = temp.LoadWithHead(body).Errors.Should().ContainSingle().Subject;

        (error.Line, error.Section, error.Option).Should().Be((line, section, option));
        error.Message.Should().StartWith("contains a NUL character");
        error.ToString().Should().NotContain("\0").And.Contain(@"\x00");
    }

    [Theory]
    [InlineData("[supervisord]\nlogfile=\n", "logfile")]
    [InlineData("[supervisord]\npidfile=\n", "pidfile")]
    [InlineData("[supervisord]\nchildlogdir=\n", "childlogdir")]
    [InlineData("[supervisord]\n[program:x]\ncommand=x\ndirectory=\n", "directory")]
    public void An_empty_path_that_supervisor_would_fail_on_later_is_refused(string body, string option)
    {
        using var temp = new TempConfig();
        temp.Write("supervisord.conf", body);

        temp.Load().Errors.Should().ContainSingle().Which.Option.Should().Be(option);
    }

    [Fact]
    public void An_empty_log_file_means_no_log_as_in_supervisor_with_a_warning()
    {
        using var temp = new TempConfig();

        var result = temp.LoadWithHead("[program:x]\ncommand=x\nstdout_logfile=\nserverurl=\n");

        result.Succeeded.Should().BeTrue();
        var process = result.Config!.Groups[0].Processes[0];
        (process.Stdout.Target, process.ServerUrl)
            .Should()
            .Be((Supervise.Supervisord.Configuration.Model.LogTarget.None, (string?)null));
        result.Warnings.Should().ContainSingle(w => w.Option == "stdout_logfile");
    }

    [Fact]
    public void A_megabyte_value_is_echoed_cut_to_200_characters_with_its_length()
    {
        using var temp = new TempConfig();

        var error = temp.LoadWithHead($"[program:x]\ncommand=x\nautostart={new string('a', 1024 * 1024)}\n")
            .Errors.Should()
            .ContainSingle()
            .Subject;

        error.Message.Should().Be($"not a valid boolean value: '{new string('a', 200)}…' (1048576 characters)");
    }

    [Fact]
    public void Ten_thousand_bad_lines_make_a_report_under_64_KB_that_counts_the_rest()
    {
        using var temp = new TempConfig();
        temp.Write(
            "supervisord.conf",
            TempConfig.Head + string.Concat(Enumerable.Repeat($"junk line {new string('j', 300)}\n", 10_000))
        );

        var result = temp.Load();
        var report = CheckReport.Format(result).Text;

        System.Text.Encoding.UTF8.GetByteCount(report).Should().BeLessThan(64 * 1024);
        report.Should().Contain("more errors not shown");
    }
}
