using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using Supervise.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Supervise.Integration.Tests.Packaging;

/// <summary>
/// `./build.sh deb` and what the package does on this Debian machine: it replaces Debian's supervisor in place and
/// goes back out cleanly. The install runs in a throwaway root (deb-in-throwaway-root.sh, beside this file, which can
/// also be run by hand); this spec listens on the NOTIFY_SOCKET it hands the daemon and checks the host afterwards.
/// </summary>
public sealed partial class DebPackageSpecs(ITestOutputHelper output)
{
    private static readonly string Script = Path.Combine(
        Binaries.RepositoryRoot,
        "tests/Integration.Tests/Packaging/deb-in-throwaway-root.sh"
    );

    [PackagingFact]
    public async Task The_deb_replaces_Debians_supervisor_keeps_its_config_and_runs_the_conf_d_programs()
    {
        var clock = Stopwatch.StartNew();
        var hostDaemon = Snapshot("/usr/bin/supervisord");

        // Publishes first when dist/ has no binaries (NativeAOT: minutes on 2 cores).
        var build = await RunAsync(
            Path.Combine(Binaries.RepositoryRoot, "build.sh"),
            ["deb"],
            TimeSpan.FromMinutes(10)
        );
        build.ExitCode.Should().Be(0, "./build.sh deb succeeds:\n" + build.Output);
        var deb = Path.Combine(Binaries.RepositoryRoot, "dist", $"supervise_{DaemonVersion()}_amd64.deb");
        File.Exists(deb).Should().BeTrue();
        output.WriteLine($"built {deb} after {clock.Elapsed.TotalSeconds:F0} s");

        var info = await RunAsync("dpkg-deb", ["--info", deb], TimeSpan.FromMinutes(1));
        info.Output.Should()
            .Contain("Package: supervise")
            .And.Contain("Provides: supervisor")
            .And.Contain("Conflicts: supervisor")
            .And.Contain("Replaces: supervisor");
        (await RunAsync("dpkg-deb", ["--info", deb, "conffiles"], TimeSpan.FromMinutes(1)))
            .Output.Trim()
            .Should()
            .Be("/etc/supervisor/supervisord.conf");
        var contents = (await RunAsync("dpkg-deb", ["--contents", deb], TimeSpan.FromMinutes(1))).Output;
        foreach (var path in ExpectedContents)
        {
            contents.Should().MatchRegex($@"(?m) \./{Regex.Escape(path)}$", "the package ships " + path);
        }
        await ReportLintianAsync(deb);

        using var notify = new NotifyListener();
        var run = await RunAsync(Script, [deb, notify.Path], TimeSpan.FromMinutes(4));
        output.WriteLine(run.Output);
        run.ExitCode.Should().Be(0, "every check in the throwaway root passes");
        run.Output.Should()
            .MatchRegex(@"(?m)^sleeper +RUNNING +pid \d+", "supervisorctl status lists the conf.d program RUNNING");
        run.Output.Should()
            .Contain("ok: supervisord.conf and conf.d/sleeper.conf untouched")
            .And.Contain("ok: SIGTERM: the daemon stopped sleeper and exited 0")
            .And.Contain("ok: removed: binaries gone, supervisord.conf and conf.d/sleeper.conf left in place")
            .And.Contain("ok: purged: /var/log/supervisor gone, the admin's conf.d/sleeper.conf kept");
        notify
            .Lines.Should()
            .Contain("READY=1", "the daemon started from the unit's ExecStart tells NOTIFY_SOCKET it is ready");

        Snapshot("/usr/bin/supervisord").Should().Be(hostDaemon, "the host's /usr/bin/supervisord is untouched");
        if (hostDaemon.Exists)
        {
            hostDaemon.Head.Should().StartWith("#!", "the host keeps Debian's Python supervisord");
        }
        output.WriteLine($"whole spec: {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static readonly string[] ExpectedContents =
    [
        "usr/bin/supervisord",
        "usr/bin/supervisorctl",
        "lib/systemd/system/supervisor.service",
        "etc/supervisor/supervisord.conf",
        "etc/supervisor/conf.d/",
        "usr/share/man/man1/supervisord.1.gz",
        "usr/share/man/man1/supervisorctl.1.gz",
        "usr/share/bash-completion/completions/supervisorctl",
        "usr/share/doc/supervise/copyright",
    ];

    /// <summary>Lintian's findings go to the test output; they are a report, not a verdict.</summary>
    private async Task ReportLintianAsync(string deb)
    {
        if (Tool.Find("lintian") is null)
        {
            output.WriteLine("lintian: not installed, not run (apt-get install lintian)");
            return;
        }
        var lintian = await RunAsync(
            "lintian",
            ["--tag-display-limit", "0", "--show-overrides", deb],
            TimeSpan.FromMinutes(3)
        );
        output.WriteLine(
            $"lintian (exit {lintian.ExitCode}):\n{(lintian.Output.Trim().Length == 0 ? "no tags" : lintian.Output)}"
        );
    }

    private static string DaemonVersion() =>
        VersionConstant()
            .Match(
                File.ReadAllText(Path.Combine(Binaries.RepositoryRoot, "src/Supervisord/Operations/DaemonVersion.cs"))
            )
            .Groups[1]
            .Value;

    [GeneratedRegex("""const string Value = "([^"]+)";""")]
    private static partial Regex VersionConstant();

    private sealed record FileSnapshot(bool Exists, string Hash, string Head);

    private static FileSnapshot Snapshot(string path)
    {
        if (!File.Exists(path))
        {
            return new FileSnapshot(false, "", "");
        }
        var bytes = File.ReadAllBytes(path);
        return new FileSnapshot(
            true,
            Convert.ToHexString(SHA256.HashData(bytes)),
            System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(2, bytes.Length))
        );
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string program,
        string[] arguments,
        TimeSpan timeout
    )
    {
        using var cancel = new CancellationTokenSource(timeout);
        var result = await Cli.Wrap(program)
            .WithArguments(arguments)
            .WithWorkingDirectory(Binaries.RepositoryRoot)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancel.Token);
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }
}
