using Supervise.Supervisord.Configuration;
using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>The options beyond Supervisor for retries, restarts and env files, in INI and TOML, with their errors.</summary>
public sealed class LifecycleOptionSpecs
{
    [Fact]
    public void A_program_without_the_new_options_keeps_supervisors_policy()
    {
        using var temp = new TempConfig();
        var p = temp.LoadWithHead("[program:web]\ncommand=/bin/true\n").Config!.Groups[0].Processes[0];

        p.Restart.Should().Be(RestartPolicy.Supervisor);
        p.EnvFiles.Should().BeEmpty();
    }

    [Fact]
    public void Every_lifecycle_option_is_read_from_ini()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead(
            """
            env_files=/etc/common.env

            [program:web]
            command=/bin/true
            startretries=forever
            backoff=exponential
            backoff_max=30
            backoff_jitter=0.25
            backoff_reset=60
            restart_throttle=false
            env_files=app.env, -/run/secrets/%(program_name)s.env
            """
        );

        var p = result.Config!.Groups[0].Processes[0];
        p.StartRetries.Should().Be(RestartPolicy.Forever);
        p.Restart.Should()
            .Be(
                new RestartPolicy(
                    BackoffCurve.Exponential,
                    TimeSpan.FromSeconds(30),
                    0.25,
                    TimeSpan.FromSeconds(60),
                    Throttle: false
                )
            );
        p.EnvFiles.Should()
            .Equal(
                new EnvFileRef("/etc/common.env", false),
                new EnvFileRef(Path.Combine(temp.Dir, "app.env"), false),
                new EnvFileRef("/run/secrets/web.env", true)
            );
    }

    [Fact]
    public void Toml_takes_the_same_options_with_typed_values()
    {
        using var temp = new TempConfig();
        temp.Write(
            "supervisord.toml",
            """
            [supervisord]
            logfile = "{W}/supervisord.log"
            pidfile = "{W}/supervisord.pid"
            childlogdir = "{W}"

            [program.web]
            command = "/bin/true"
            startretries = "forever"
            backoff = "exponential"
            backoff_max = 2.5
            backoff_jitter = 0.5
            env_files = ["/etc/a.env", "-/etc/b.env"]
            """
        );

        var result = temp.Load("supervisord.toml");

        result.Errors.Should().BeEmpty();
        var p = result.Config!.Groups[0].Processes[0];
        p.Restart.Max.Should().Be(TimeSpan.FromSeconds(2.5));
        p.Restart.Jitter.Should().Be(0.5);
        p.EnvFiles.Should().Equal(new EnvFileRef("/etc/a.env", false), new EnvFileRef("/etc/b.env", true));
    }

    [Theory]
    [InlineData("startretries=sometimes", "startretries: invalid literal for int() with base 10: 'sometimes'")]
    [InlineData("startretries=-1", "startretries: must be >= 0 or 'forever', got -1")]
    [InlineData("backoff=quadratic", "backoff: must be 'linear' or 'exponential', got 'quadratic'")]
    [InlineData("backoff_max=0", "backoff_max: must be > 0 seconds; leave it out for no cap")]
    [InlineData("backoff_max=soon", "backoff_max: must be a number of seconds, got 'soon'")]
    [InlineData("backoff_jitter=2", "backoff_jitter: must be a fraction between 0 and 1")]
    [InlineData("backoff_reset=-5", "backoff_reset: must be between 0 and 86400 seconds, got -5")]
    [InlineData("env_files=a.env,,b.env", "env_files: has an empty entry")]
    public void A_bad_value_is_an_error_with_file_line_section_and_option(string line, string message)
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead($"[program:web]\ncommand=/bin/true\n{line}\n");

        result.Succeeded.Should().BeFalse();
        result
            .Errors.Should()
            .ContainSingle()
            .Which.ToString()
            .Should()
            .StartWith($"{Path.Combine(temp.Dir, "supervisord.conf")}:7 [program:web] {message}");
    }

    [Fact]
    public void Check_shows_the_policy_and_env_files_only_when_set()
    {
        using var temp = new TempConfig();
        var result = temp.LoadWithHead(
            """
            [program:plain]
            command=/bin/true

            [program:web]
            command=/bin/true
            startretries=forever
            backoff=exponential
            backoff_max=30
            env_files=-/etc/web.env
            """
        );

        var text = CheckReport.Format(result).Text;

        text.Should()
            .Contain(
                "  retries:   startretries=forever, backoff=exponential (1 s, 2 s, 4 s ...), backoff_max=30 s, restart_throttle=true\n"
            );
        text.Should().Contain("  env_file:  /etc/web.env (optional)\n");
        text.Split("\n\n")[1].Should().NotContain("retries:");
    }
}
