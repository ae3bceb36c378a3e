using System.Text;

namespace Supervise.Python;

/// <summary>
/// Supervisor's <c>%(name)s</c> expansion, which is Python's <c>str % mapping</c>: named conversions with flags, width
/// and precision (<c>%(process_num)02d</c>), <c>%%</c> for a literal percent, and Python's exact error texts. One
/// deliberate difference: an unnamed conversion such as <c>%s</c>, for which Python would insert the repr of the whole
/// expansion dictionary, is reported as badly formatted instead.
/// </summary>
public static class PyPercent
{
    /// <param name="names">Values are strings or ints.</param>
    /// <param name="label">What Supervisor names the value in messages, such as <c>program:x.command</c>.</param>
    /// <returns>The expanded text, or null with <paramref name="error"/> set.</returns>
    public static string? Expand(
        string format,
        IReadOnlyDictionary<string, object> names,
        string label,
        out string? error
    )
    {
        error = null;
        if (!format.Contains('%'))
        {
            return format;
        }
        var output = new StringBuilder(format.Length);
        var i = 0;
        while (i < format.Length)
        {
            var percent = format.IndexOf('%', i);
            if (percent < 0)
            {
                output.Append(format, i, format.Length - i);
                break;
            }
            output.Append(format, i, percent - i);
            var spec = PercentSpec.Parse(format, percent + 1, out var next, out var problem);
            if (spec is null)
            {
                error = BadlyFormatted(format, label, problem!);
                return null;
            }
            i = next;
            if (spec.Conversion == '%')
            {
                output.Append('%');
                continue;
            }
            if (spec.Key is null)
            {
                error = BadlyFormatted(
                    format,
                    label,
                    $"'%{spec.Conversion}' names no expansion (write %% for a literal percent)"
                );
                return null;
            }
            if (!names.TryGetValue(spec.Key, out var value))
            {
                error =
                    $"Format string {Echo.Repr(format)} for {Echo.Repr(label)} contains names ({Echo.Repr(spec.Key)}) "
                    + $"which cannot be expanded. Available names: {Echo.Text(string.Join(", ", names.Keys.Order(StringComparer.Ordinal)))}";
                return null;
            }
            var converted = PercentConversion.Apply(spec, value, out problem);
            if (converted is null)
            {
                error = BadlyFormatted(format, label, problem!);
                return null;
            }
            output.Append(converted);
        }
        return output.ToString();
    }

    private static string BadlyFormatted(string format, string label, string problem) =>
        $"Format string {Echo.Repr(format)} for {Echo.Repr(label)} is badly formatted: {problem}";
}
