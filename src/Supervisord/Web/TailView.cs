using System.Globalization;
using System.Text;
using Supervise.Supervisord.Operations;

namespace Supervise.Supervisord.Web;

/// <summary>
/// tail.html (Supervisor's TailView): the last max(1024, limit) bytes of the process's log, with Supervisor's texts
/// ("No process name found", "No file for NS", "ERROR: unexpected rpc fault [c] text") and its Refresh link. Beyond
/// Supervisor: stderr beside stdout, and a script that follows both live from tailevents (<see cref="TailStream"/>).
/// </summary>
public static class TailView
{
    public const int MinimumLimit = 1024;

    /// <summary>Python's min(-1024, -int(limit) if limit.isdigit() else -1024), as a byte count.</summary>
    public static int Limit(string? limit) =>
        limit is { Length: > 0 and < 10 } && limit.All(char.IsAsciiDigit)
            ? Math.Max(MinimumLimit, int.Parse(limit, CultureInfo.InvariantCulture))
            : MinimumLimit;

    public static string Render(ControlOperations operations, string? processName, string? limitText)
    {
        var limit = Limit(limitText);
        var name = Html.Escape(processName ?? "None");
        var html = new StringBuilder(4096);
        html.Append(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Supervisor tail of process "
            )
            .Append(name)
            .Append("</title>\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>")
            .Append(PageAssets.Css)
            .Append("</style>\n</head>\n<body>\n<div id=\"wrapper\">\n")
            .Append("<div id=\"header\"><h1>Tail of <span>")
            .Append(name)
            .Append("</span></h1><span id=\"live\" class=\"live\">static</span></div>\n");
        if (string.IsNullOrEmpty(processName))
        {
            html.Append("<pre id=\"stdout\">No process name found</pre>\n");
        }
        else
        {
            var quoted = Html.Quote(processName);
            html.Append(
                    "<ul class=\"clr\" id=\"buttons\"><li class=\"action-button\"><a href=\"index.html\">Status</a></li>"
                )
                .Append("<li class=\"action-button\"><a id=\"refresh\" href=\"tail.html?processname=")
                .Append(quoted)
                .Append("&amp;limit=")
                .Append(limit)
                .Append("\">Refresh</a></li>")
                .Append("<li class=\"action-button\"><a href=\"logtail/")
                .Append(quoted)
                .Append("\" target=\"_blank\">Tail -f Stdout</a></li>")
                .Append("<li class=\"action-button\"><a href=\"logtail/")
                .Append(quoted)
                .Append("/stderr\" target=\"_blank\">Tail -f Stderr</a></li></ul>\n");
            AppendChannel(html, operations, processName, limit, stderr: false);
            AppendChannel(html, operations, processName, limit, stderr: true);
            html.Append("<script data-events=\"tailevents?processname=")
                .Append(quoted)
                .Append("&amp;limit=")
                .Append(limit)
                .Append("\">")
                .Append(PageAssets.TailScript)
                .Append("</script>\n");
        }
        html.Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendChannel(
        StringBuilder html,
        ControlOperations operations,
        string processName,
        int limit,
        bool stderr
    )
    {
        var channel = stderr ? "stderr" : "stdout";
        html.Append("<h2>")
            .Append(channel)
            .Append("</h2>\n<pre class=\"tail\" id=\"")
            .Append(channel)
            .Append("\">")
            .Append(Html.Escape(Read(operations, processName, limit, stderr)))
            .Append("</pre>\n");
    }

    private static string Read(ControlOperations operations, string processName, int limit, bool stderr)
    {
        try
        {
            return Text(operations.ReadProcessLog(processName, stderr, -limit, 0));
        }
        catch (SupervisorFault fault) when (fault.Code == FaultCode.NoFile)
        {
            return "No file for " + processName;
        }
        catch (SupervisorFault fault)
        {
            return $"ERROR: unexpected rpc fault [{(int)fault.Code}] {fault.Message}";
        }
    }

    /// <summary>Log bytes as text: a tail cut inside a UTF-8 sequence starts at the next character.</summary>
    public static string Text(ReadOnlySpan<byte> bytes) =>
        Encoding.UTF8.GetString(bytes[Wire.Utf8Boundary.LeadingContinuations(bytes)..]);
}
