using System.Text;
using System.Text.RegularExpressions;

namespace Supervise.Integration.Tests.Wire;

/// <summary>
/// One recorded response (record.py's <c>NAME.response</c>), reduced to what is compared: the status line, the headers
/// that matter to clients, and the body with what varies between runs replaced (pids, times, uptimes, the temp dir, the
/// random suffix of AUTO child logs, the order in which a group's processes finish). The body is kept as Latin-1 text,
/// so that one char is one byte and a comparison of strings is a comparison of bytes.
/// </summary>
/// <param name="ContentLengthMatches">Content-Length is present and equals the raw body's length (null: chunked).</param>
public sealed record RecordedReply(
    string StatusLine,
    string? ContentType,
    string? WwwAuthenticate,
    string? Connection,
    string? TransferEncoding,
    string? Server,
    bool? ContentLengthMatches,
    string Body
)
{
    public static readonly Encoding Bytes = Encoding.Latin1;

    /// <summary>Results of calls that act on several processes, which 4.2.5 lists in the order they finish.</summary>
    private static readonly HashSet<string> UnorderedResults = new(StringComparer.Ordinal)
    {
        "supervisor.startAllProcesses",
        "supervisor.stopAllProcesses",
        "supervisor.signalAllProcesses",
        "supervisor.startProcessGroup",
        "supervisor.stopProcessGroup",
        "supervisor.signalProcessGroup",
        "supervisor.clearAllProcessLogs",
        "supervisor.startProcess.group_wildcard",
    };

    public int Status => int.Parse(StatusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The body as UTF-8 text (for assertions that read it rather than compare it).</summary>
    public string Text => Encoding.UTF8.GetString(Bytes.GetBytes(Body));

    public static RecordedReply Load(string path) =>
        Parse(Path.GetFileName(path).Replace(".response", "", StringComparison.Ordinal), File.ReadAllBytes(path));

    public static RecordedReply Parse(string name, byte[] raw)
    {
        var text = Bytes.GetString(raw);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var (head, body) = end < 0 ? (text, "") : (text[..end], text[(end + 4)..]);
        var lines = head.Split("\r\n");
        var headers = lines
            .Skip(1)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        string? Header(string n) => headers.TryGetValue(n, out var v) ? v : null;
        var chunked = string.Equals(Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase);
        bool? lengthMatches = chunked
            ? null
            : Header("Content-Length") is { } cl && int.TryParse(cl, out var n) && n == body.Length;
        return new RecordedReply(
            lines[0],
            Header("Content-Type"),
            Header("WWW-Authenticate"),
            Header("Connection"),
            Header("Transfer-Encoding"),
            Header("Server"),
            lengthMatches,
            Normalise(name, chunked ? Dechunk(body) : body)
        );
    }

    /// <summary>The data of a chunked body, up to where the capture was cut; chunk sizes are not compared.</summary>
    private static string Dechunk(string body)
    {
        var data = new StringBuilder();
        var at = 0;
        while (at < body.Length)
        {
            var eol = body.IndexOf("\r\n", at, StringComparison.Ordinal);
            if (
                eol < 0
                || !int.TryParse(
                    body.AsSpan(at, eol - at).ToString().Split(';')[0],
                    System.Globalization.NumberStyles.HexNumber,
                    null,
                    out var size
                )
                || size == 0
            )
            {
                break;
            }
            var start = eol + 2;
            data.Append(body, start, Math.Min(size, body.Length - start));
            at = start + size + 2;
        }
        return data.ToString();
    }

    private static string Normalise(string name, string body)
    {
        body = Regex.Replace(body, @"/tmp/record425-[^/<]+/", "/TMP/");
        body = Regex.Replace(body, @"(-(?:stdout|stderr)---supervisor-)[A-Za-z0-9_]+\.log", "$1X.log");
        body = Regex.Replace(body, @"(<name>(?:start|stop|now|pid)</name>\n<value><int>)[1-9][0-9]*", "$1N");
        body = Regex.Replace(body, @"pid [0-9]+, uptime [0-9]+:[0-9][0-9]:[0-9][0-9]", "pid N, uptime U");
        body = Regex.Replace(body, @"[0-9]{4}-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9],[0-9]{3}", "TIME");
        body = Regex.Replace(body, @"with pid [0-9]+", "with pid N");
        if (name == "supervisor.getPID")
        {
            body = Regex.Replace(body, "<int>[0-9]+</int>", "<int>N</int>");
        }
        return UnorderedResults.Contains(name) ? SortResults(body) : body;
    }

    /// <summary>Sorts the items of the one top-level array (each a result struct) by their text.</summary>
    private static string SortResults(string body)
    {
        const string Open = "<value><array><data>\n",
            Close = "</data></array></value>\n",
            Item = "</struct></value>\n";
        var start = body.IndexOf(Open, StringComparison.Ordinal);
        var end = body.LastIndexOf(Close, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return body;
        }
        var items = body[(start + Open.Length)..end]
            .Split(Item, StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal);
        return body[..(start + Open.Length)] + string.Concat(items.Select(i => i + Item)) + body[end..];
    }
}
