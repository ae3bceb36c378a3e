using System.Globalization;
using Supervise.Python;
using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>Supervisor's scalar value types (<c>supervisor/datatypes.py</c>) with their exact error texts.</summary>
internal static class ValueParsers
{
    private static readonly string[] Truthy = ["yes", "true", "on", "1"];
    private static readonly string[] Falsy = ["no", "false", "off", "0"];

    public static Parsed<bool> Boolean(string text)
    {
        var lowered = text.ToLowerInvariant();
        return Truthy.Contains(lowered) ? true
            : Falsy.Contains(lowered) ? false
            : Parsed<bool>.Fail($"not a valid boolean value: {Echo.Repr(text)}");
    }

    public static Parsed<int> Integer(string text)
    {
        if (!PyInt.TryParse(text, out var value))
        {
            return Parsed<int>.Fail(InvalidLiteral(text));
        }
        return value is < int.MinValue or > int.MaxValue
            ? Parsed<int>.Fail($"{value.ToString(CultureInfo.InvariantCulture)} is too large")
            : (int)value;
    }

    /// <summary>Python's <c>int()</c> error text.</summary>
    public static string InvalidLiteral(string text) => $"invalid literal for int() with base 10: {Echo.Repr(text)}";

    /// <summary>Bytes, or a number with a KB/MB/GB suffix (1024-based, any case).</summary>
    public static Parsed<long> ByteSize(string text)
    {
        var lowered = text.ToLowerInvariant();
        (string Suffix, long Factor)[] suffixes = [("kb", 1024), ("mb", 1024 * 1024), ("gb", 1024L * 1024 * 1024)];
        foreach (var (suffix, factor) in suffixes)
        {
            if (lowered.EndsWith(suffix, StringComparison.Ordinal))
            {
                var number = lowered[..^2];
                return PyInt.TryParse(number, 10, out var n) ? n * factor : Parsed<long>.Fail(InvalidLiteral(number));
            }
        }
        return PyInt.TryParse(lowered, 10, out var bytes) ? bytes : Parsed<long>.Fail(InvalidLiteral(lowered));
    }

    public static Parsed<int> Octal(string text) =>
        PyInt.TryParse(text, 8, out var value) && value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : Parsed<int>.Fail($"{Echo.Text(text)} can not be converted to an octal type");

    public static Parsed<ValueList<int>> ExitCodes(IReadOnlyList<string>? items, string text)
    {
        if (items is null && text.Length == 0)
        {
            return ValueList<int>.Empty;
        }
        var codes = new List<int>();
        foreach (var item in items ?? text.Split(','))
        {
            if (!PyInt.TryParse(item, 10, out var code) || code is < 0 or > 255)
            {
                return Parsed<ValueList<int>>.Fail($"not a valid list of exit codes: {Echo.Repr(text)}");
            }
            codes.Add((int)code);
        }
        return codes.ToValueList();
    }

    /// <summary>Python's list_of_strings: split at commas, items stripped; empty text is an empty list.</summary>
    public static List<string> Strings(IReadOnlyList<string>? items, string text) =>
        items is not null ? [.. items.Select(PyText.Strip)]
        : text.Length == 0 ? []
        : [.. text.Split(',').Select(PyText.Strip)];

    public static Parsed<AutoRestart> AutoRestart(string text)
    {
        var lowered = text.ToLowerInvariant();
        return Truthy.Contains(lowered) ? Model.AutoRestart.True
            : Falsy.Contains(lowered) ? Model.AutoRestart.False
            : lowered == "unexpected" ? Model.AutoRestart.Unexpected
            : Parsed<AutoRestart>.Fail($"invalid 'autorestart' value {Echo.Repr(lowered)}");
    }

    public static Parsed<SupervisorLogLevel> LoggingLevel(string text) =>
        text.ToLowerInvariant() switch
        {
            "critical" => SupervisorLogLevel.Critical,
            "error" => SupervisorLogLevel.Error,
            "warn" => SupervisorLogLevel.Warn,
            "info" => SupervisorLogLevel.Info,
            "debug" => SupervisorLogLevel.Debug,
            "trace" => SupervisorLogLevel.Trace,
            "blather" => SupervisorLogLevel.Blather,
            _ => Parsed<SupervisorLogLevel>.Fail($"bad logging level name {Echo.Repr(text)}"),
        };

    /// <summary>A process or group name: stripped, and without space, ':' or '/'.</summary>
    public static Parsed<string> Name(string text)
    {
        var name = PyText.Strip(text);
        foreach (var c in " :/")
        {
            if (name.Contains(c))
            {
                return Parsed<string>.Fail(
                    $"Invalid name: {Echo.Repr(text)} because of character: {Echo.Repr(c.ToString())}"
                );
            }
        }
        return name;
    }
}
