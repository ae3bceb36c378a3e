using System.Globalization;
using System.Text;
using Supervise.Naming;
using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Configuration;

/// <summary>What <c>supervisord --check</c> prints, and its exit code.</summary>
public sealed record CheckOutput(string Text, int ExitCode);

/// <summary>
/// Formats <c>supervisord -c FILE --check</c>: on success the expanded processes, one block each (namespec, argv split
/// as at spawn time, user, directory, priority, autostart, log targets), then any warnings, exit 0; on failure every
/// error as <c>FILE:LINE [section] option: message</c>, exit 2 (Supervisor's exit code for a bad config).
/// </summary>
public static class CheckReport
{
    /// <summary>What a refusal may print at most (UTF-8 bytes): past it, the remaining errors are counted.</summary>
    public const int MaxRefusalBytes = 60 * 1024;

    public static CheckOutput Format(ConfigLoadResult result)
    {
        var text = new StringBuilder();
        if (!result.Succeeded)
        {
            var bytes = 0;
            for (var i = 0; i < result.Errors.Count; i++)
            {
                var line = result.Errors[i] + "\n";
                bytes += Encoding.UTF8.GetByteCount(line);
                if (bytes > MaxRefusalBytes)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{result.Errors.Count - i} more errors not shown\n");
                    break;
                }
                text.Append(line);
            }
            return new CheckOutput(text.ToString(), 2);
        }
        var config = result.Config!;
        var processCount = config.Groups.Sum(g => g.Processes.Count);
        text.Append(
            CultureInfo.InvariantCulture,
            $"{config.SourcePath}: configuration OK ({config.Groups.Count} groups, {processCount} processes)\n"
        );
        foreach (var group in config.Groups)
        {
            foreach (var process in group.Processes)
            {
                AppendProcess(text, group, process, config.Daemon.Childlogdir);
            }
        }
        foreach (var warning in result.Warnings)
        {
            text.Append("warning: ").Append(warning).Append('\n');
        }
        return new CheckOutput(text.ToString(), 0);
    }

    /// <summary>A value shown in an OK report: long enough for a real command line, bounded for a 1 MB one.</summary>
    private const int MaxShownChars = 1000;

    private static void AppendProcess(
        StringBuilder text,
        ProcessGroupConfig group,
        ProcessConfig process,
        string childlogdir
    )
    {
        var namespec = ProcessName.Make(group.Name, process.Name);
        var argv = CommandLine.Split(process.Command, out var splitError);
        text.Append('\n').Append(Echo.Escape(Echo.Text(namespec, MaxShownChars))).Append('\n');
        var shownArgv = argv is null ? $"(cannot be split: {splitError})" : string.Join(' ', argv.Select(Quote));
        text.Append("  argv:      ").Append(Echo.Escape(Echo.Text(shownArgv, MaxShownChars))).Append('\n');
        text.Append("  user:      ")
            .Append(process.User is null ? "(supervisord's)" : $"{process.User} (uid {process.Uid})")
            .Append('\n');
        text.Append("  directory: ")
            .Append(Echo.Escape(Echo.Text(process.Directory ?? "(supervisord's)", MaxShownChars)))
            .Append('\n');
        text.Append("  priority:  ").Append(process.Priority.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("  autostart: ").Append(process.Autostart ? "true" : "false").Append('\n');
        text.Append("  stdout:    ").Append(Target(process.Stdout, childlogdir)).Append('\n');
        text.Append("  stderr:    ")
            .Append(process.RedirectStderr ? "redirected to stdout" : Target(process.Stderr, childlogdir))
            .Append('\n');
        if (process.Readiness != ReadinessConfig.Default)
        {
            // Only for configs that use them, so that a Supervisor config's report stays as it was.
            var readiness = process.Readiness;
            text.Append("  depends:   ")
                .Append(
                    readiness.DependsOn.Count == 0
                        ? "(nothing)"
                        : Echo.Escape(Echo.Text(string.Join(", ", readiness.DependsOn), MaxShownChars))
                )
                .Append('\n');
            text.Append("  ready:     ").Append(Echo.Escape(Echo.Text(readiness.Probe.Spec, MaxShownChars)));
            if (readiness.Probe.Kind != ReadyKind.Running)
            {
                text.Append(
                    CultureInfo.InvariantCulture,
                    $" (every {readiness.Interval.TotalSeconds}s, timeout {readiness.Timeout.TotalSeconds}s, deadline {readiness.Deadline.TotalSeconds}s)"
                );
            }
            text.Append('\n');
        }
        LifecycleReport.Append(text, process, MaxShownChars);
    }

    private static string Target(LogChannelConfig channel, string childlogdir)
    {
        var target = channel.Target switch
        {
            LogTarget.None => "NONE",
            LogTarget.Auto => $"AUTO (in {childlogdir})",
            LogTarget.Syslog => "syslog",
            _ => channel.Path ?? "",
        };
        target = Echo.Escape(Echo.Text(target, MaxShownChars));
        return channel.Syslog && channel.Target != LogTarget.Syslog ? target + " + syslog" : target;
    }

    /// <summary>Shell-quotes a word for display, so that the line can be pasted into a shell.</summary>
    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_./:=@%+,-".Contains(c))
            ? word
            : "'" + word.Replace("'", @"'\''") + "'";
}
