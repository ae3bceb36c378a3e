using System.Globalization;
using System.Text;
using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Web;

/// <summary>
/// The status page (Supervisor's ui/status.html): one row per process, sorted by group then name, with Supervisor's
/// classes (statusrunning, statuserror, statusnominal, shade) and its action texts; a row per group with
/// several processes (or a name of its own) carries the group's Start, Stop and Restart. Every action is a button of
/// the one POST form, so the page works without JavaScript; the script (<see cref="PageAssets"/>) only intercepts the
/// submit and keeps the rows live from /events. All buttons are rendered; CSS shows the ones the row's state allows.
/// </summary>
public static class StatusView
{
    public static string Render(ControlOperations operations, string? message, string? filter)
    {
        var now = operations.Time.GetUtcNow();
        var html = new StringBuilder(4096);
        html.Append(
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Supervisor Status</title>\n"
            )
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>")
            .Append(PageAssets.Css)
            .Append("</style>\n</head>\n")
            .Append(
                CultureInfo.InvariantCulture,
                $"<body data-now=\"{now.ToUnixTimeMilliseconds()}\">\n<div id=\"wrapper\">\n"
            )
            .Append(
                "<div id=\"header\"><h1>Supervisor <span>status</span></h1><span id=\"live\" class=\"live\" title=\"live updates\">static</span>"
            )
            .Append("<span class=\"ident\">")
            .Append(Html.Escape(operations.Identification))
            .Append("</span></div>\n")
            .Append("<div id=\"message\" class=\"status_msg\"")
            .Append(message is null ? " hidden>" : ">")
            .Append(Html.Escape(message ?? ""))
            .Append("</div>\n")
            .Append(
                "<form id=\"filterform\" action=\"index.html\" method=\"get\"><input type=\"search\" id=\"filter\" name=\"filter\" placeholder=\"Filter by name\" aria-label=\"Filter by name\" value=\""
            )
            .Append(Html.Escape(filter ?? ""))
            .Append("\"></form>\n")
            .Append("<form id=\"page\" action=\"index.html\" method=\"post\">\n<ul class=\"clr\" id=\"buttons\">\n")
            .Append("<li class=\"action-button\"><a href=\"index.html?action=refresh\">Refresh</a></li>\n")
            .Append(
                "<li class=\"action-button\"><button formaction=\"index.html?action=restartall\">Restart All</button></li>\n"
            )
            .Append(
                "<li class=\"action-button\"><button formaction=\"index.html?action=stopall\">Stop All</button></li>\n</ul>\n"
            );
        AppendTable(html, operations, filter, now);
        html.Append("</form>\n</div>\n<div class=\"clr\" id=\"footer\">Supervise <span>")
            .Append(DaemonVersion.Value)
            .Append("</span> (Supervisor ")
            .Append(DaemonVersion.Supervisor)
            .Append(" compatible)</div>\n<script>")
            .Append(PageAssets.StatusScript)
            .Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendTable(
        StringBuilder html,
        ControlOperations operations,
        string? filter,
        DateTimeOffset now
    )
    {
        var groups = operations.Processes.GroupBy(p => p.Group).ToList();
        if (groups.Count == 0)
        {
            html.Append("<p id=\"statustable\">No programs to manage</p>\n");
            return;
        }
        html.Append(
                "<table cellspacing=\"0\" id=\"statustable\">\n<thead>\n<tr><th class=\"state\">State</th><th class=\"desc\">Description</th>"
            )
            .Append("<th class=\"name\">Name</th><th class=\"action\">Action</th></tr>\n</thead>\n<tbody>\n");
        var shaded = false;
        foreach (var group in groups)
        {
            var processes = group.Where(p => Shown(p.Current.Namespec, filter)).ToList();
            if (processes.Count == 0)
            {
                continue;
            }
            if (processes.Count > 1 || processes[0].Name != group.Key)
            {
                AppendGroupRow(html, group.Key, group.Count());
            }
            foreach (var process in processes)
            {
                AppendRow(html, process.Current, shaded, now);
                shaded = !shaded;
            }
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static bool Shown(string namespec, string? filter) =>
        string.IsNullOrEmpty(filter) || namespec.Contains(filter, StringComparison.OrdinalIgnoreCase);

    private static void AppendGroupRow(StringBuilder html, string group, int count)
    {
        var name = Html.Escape(group);
        var target = Html.Quote(group + ":*");
        html.Append("<tr class=\"group\" data-group=\"")
            .Append(name)
            .Append("\"><td class=\"status\"></td><td><span>")
            .Append(count)
            .Append(count == 1 ? " process" : " processes")
            .Append("</span></td><td><strong>")
            .Append(name)
            .Append("</strong></td>")
            .Append("<td class=\"action\"><ul>");
        foreach (
            var (action, label) in (ReadOnlySpan<(string, string)>)
                [("start", "Start"), ("stop", "Stop"), ("restart", "Restart")]
        )
        {
            html.Append("<li><button class=\"act-group\" formaction=\"index.html?processname=")
                .Append(target)
                .Append("&amp;action=")
                .Append(action)
                .Append("\" name=\"")
                .Append(label)
                .Append("\">")
                .Append(label)
                .Append("</button></li>");
        }
        html.Append("</ul></td></tr>\n");
    }

    private static void AppendRow(StringBuilder html, ProcessSnapshot snapshot, bool shaded, DateTimeOffset now)
    {
        var namespec = snapshot.Namespec;
        var text = Html.Escape(namespec);
        var quoted = Html.Quote(namespec);
        var start =
            snapshot.State == ProcessState.Running && snapshot.LastStart is { } s ? s.ToUnixTimeMilliseconds() : 0;
        html.Append("<tr class=\"")
            .Append(shaded ? "shade " : "")
            .Append(RowClass(snapshot.State))
            .Append("\" data-namespec=\"")
            .Append(text)
            .Append("\" data-group=\"")
            .Append(Html.Escape(snapshot.Group))
            .Append(CultureInfo.InvariantCulture, $"\" data-pid=\"{snapshot.Pid}\" data-start=\"{start}\">")
            .Append("<td class=\"status\"><span class=\"")
            .Append(CssClassFor(snapshot.State))
            .Append("\">")
            .Append(snapshot.State.Name().ToLowerInvariant())
            .Append("</span></td><td><span class=\"desc\">")
            .Append(Html.Escape(snapshot.Describe(now)))
            .Append("</span></td>")
            .Append("<td><a href=\"tail.html?processname=")
            .Append(quoted)
            .Append("\" target=\"_blank\">")
            .Append(text)
            .Append("</a></td>")
            .Append("<td class=\"action\"><ul>");
        AppendButton(html, quoted, "restart", "Restart", "act-running");
        AppendButton(html, quoted, "stop", "Stop", "act-running");
        AppendButton(html, quoted, "start", "Start", "act-stopped");
        AppendButton(html, quoted, "clearlog", "Clear Log", "act-any");
        html.Append("<li><a href=\"logtail/")
            .Append(quoted)
            .Append("\" name=\"Tail -f Stdout\" target=\"_blank\">Tail -f Stdout</a></li>")
            .Append("<li><a href=\"logtail/")
            .Append(quoted)
            .Append("/stderr\" name=\"Tail -f Stderr\" target=\"_blank\">Tail -f Stderr</a></li>")
            .Append("</ul></td></tr>\n");
    }

    private static void AppendButton(
        StringBuilder html,
        string quoted,
        string action,
        string label,
        string shownWhen
    ) =>
        html.Append("<li class=\"")
            .Append(shownWhen)
            .Append("\"><button formaction=\"index.html?processname=")
            .Append(quoted)
            .Append("&amp;action=")
            .Append(action)
            .Append("\" name=\"")
            .Append(label)
            .Append("\">")
            .Append(label)
            .Append("</button></li>");

    /// <summary>Which buttons the state allows (Supervisor's actions_for_process): running, stopped (stopped, exited, fatal), or other.</summary>
    public static string RowClass(ProcessState state) =>
        state switch
        {
            ProcessState.Running => "st-running",
            ProcessState.Stopped or ProcessState.Exited or ProcessState.Fatal => "st-stopped",
            _ => "st-other",
        };

    /// <summary>Supervisor's css_class_for_state.</summary>
    public static string CssClassFor(ProcessState state) =>
        state switch
        {
            ProcessState.Running => "statusrunning",
            ProcessState.Fatal or ProcessState.Backoff => "statuserror",
            _ => "statusnominal",
        };
}
