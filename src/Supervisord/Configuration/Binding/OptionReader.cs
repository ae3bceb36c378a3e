using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// Reads one section's options the way Supervisor's <c>saneget</c> does: the section's value, else [DEFAULT]'s, else
/// the default; expanded with the names this option may use (a <c>here</c> entry stands for the folder of the file the
/// value came from); then parsed. Every failure is recorded with the value's file and line and the reader goes on
/// with the default, so that one pass reports every error.
/// </summary>
internal sealed class OptionReader(RawConfig config, RawSection section, DiagnosticBag bag)
{
    private readonly int _errorsAtStart = bag.ErrorCount;

    public RawSection Section { get; } = section;

    public DiagnosticBag Bag { get; } = bag;

    /// <summary>True once any error was recorded while reading this section.</summary>
    public bool Failed => Bag.ErrorCount > _errorsAtStart;

    public RawValue? Raw(string option) => config.Lookup(Section, option);

    /// <summary>The expanded text, the fallback when the option is absent, or null after an expansion error.</summary>
    public string? Text(
        string option,
        string? fallback,
        IReadOnlyDictionary<string, object> names,
        string? label = null
    )
    {
        var raw = Raw(option);
        return raw is null ? fallback : Expand(raw, raw.Text, option, names, label ?? $"{Section.Name}.{option}");
    }

    /// <summary>Expands <paramref name="text"/> (from <paramref name="raw"/>) with the names plus its own here.</summary>
    public string? Expand(
        RawValue raw,
        string text,
        string option,
        IReadOnlyDictionary<string, object> names,
        string label
    )
    {
        var result = PyPercent.Expand(text, WithHere(names, raw.Here), label, out var error);
        if (result is null)
        {
            Error(raw, option, error!);
        }
        else if (result.Contains('\0', StringComparison.Ordinal))
        {
            // NulGuard refuses a NUL written in the file; a %c of 0 (Python's too) makes one here, found by AFL.
            Error(
                raw,
                option,
                $"expands to a NUL character, which no path, name or command can hold: {Echo.Repr(result)}"
            );
            return null;
        }
        return result;
    }

    /// <summary>Reads and parses an option; on any error records it and returns <paramref name="onError"/>.</summary>
    public T Read<T>(
        string option,
        string fallback,
        IReadOnlyDictionary<string, object> names,
        Func<string, Parsed<T>> parse,
        T onError
    )
    {
        var raw = Raw(option);
        var text = Text(option, fallback, names);
        if (text is null)
        {
            return onError;
        }
        var parsed = parse(text);
        if (parsed.Ok)
        {
            return parsed.Value;
        }
        Error(raw, option, parsed.Error!);
        return onError;
    }

    public void Error(RawValue? raw, string option, string message)
    {
        if (raw is null)
        {
            Bag.Error(Section, option, message);
        }
        else
        {
            Bag.Error(raw, Section.Name, option, message);
        }
    }

    public void Warning(string option, string message)
    {
        var raw = Raw(option);
        if (raw is null)
        {
            Bag.Warning(Section, option, message);
        }
        else
        {
            Bag.Warning(raw, Section.Name, option, message);
        }
    }

    private static IReadOnlyDictionary<string, object> WithHere(IReadOnlyDictionary<string, object> names, string here)
    {
        if (!names.ContainsKey("here"))
        {
            return names;
        }
        return new Dictionary<string, object>(names) { ["here"] = here };
    }
}
