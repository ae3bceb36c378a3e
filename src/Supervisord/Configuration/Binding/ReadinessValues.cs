using System.Globalization;
using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>Parsers for ready= and the probe's durations (ours; Supervisor has no such options).</summary>
internal static class ReadinessValues
{
    public const string ReadyForms = "running, tcp://host:port, http://host:port/path, notify or exec:command";

    public static Parsed<ReadyProbe> Probe(string text)
    {
        var value = text.Trim();
        if (value.Length == 0 || value.Equals("running", StringComparison.OrdinalIgnoreCase))
        {
            return ReadyProbe.Running;
        }
        if (value.Equals("notify", StringComparison.OrdinalIgnoreCase))
        {
            return new ReadyProbe(ReadyKind.Notify, "");
        }
        if (value.StartsWith("exec:", StringComparison.OrdinalIgnoreCase))
        {
            var command = value[5..].Trim();
            return command.Length > 0
                ? new ReadyProbe(ReadyKind.Exec, command)
                : Parsed<ReadyProbe>.Fail("exec: needs a command, as in exec:/usr/bin/pg_isready");
        }
        if (value.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            var target = value[6..].TrimEnd('/');
            var colon = target.LastIndexOf(':');
            var host = colon > 0 ? target[..colon].Trim('[', ']') : "";
            return
                host.Length > 0
                && int.TryParse(target[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                && port is > 0 and < 65536
                ? new ReadyProbe(ReadyKind.Tcp, $"{target[..colon]}:{port}")
                : Parsed<ReadyProbe>.Fail($"tcp:// needs host:port with a port from 1 to 65535, got {Echo.Repr(text)}");
        }
        if (
            Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.Host.Length > 0
        )
        {
            return new ReadyProbe(ReadyKind.Http, uri.ToString());
        }
        return Parsed<ReadyProbe>.Fail($"must be {ReadyForms}, got {Echo.Repr(text)}");
    }

    /// <summary>A positive number of seconds, decimals allowed (0.25).</summary>
    public static Parsed<TimeSpan> Seconds(string text) =>
        double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
        && seconds > 0
        && seconds <= 86400
            ? TimeSpan.FromSeconds(seconds)
            : Parsed<TimeSpan>.Fail($"must be a number of seconds above 0 (at most 86400), got {Echo.Repr(text)}");
}
