using Supervise.Ini;
using Supervise.Supervisord.Configuration.Binding;

namespace Supervise.Supervisord.Configuration.Sources;

/// <summary>Merges one INI file into a <see cref="RawConfig"/>, turning its junk lines into errors.</summary>
internal static class IniSource
{
    public static void Merge(RawConfig config, string text, string file, DiagnosticBag bag)
    {
        var document = IniDocument.Parse(text, file);
        var here = Path.GetDirectoryName(file) ?? "/";
        foreach (var error in document.Errors)
        {
            var section = document.Sections.LastOrDefault(s => s.Line < error.Line)?.Name ?? "";
            var shown = error.Text.Length > 200 ? error.Text[..200] + "..." : error.Text;
            var message = error.Message == "Source contains parsing errors"
                ? $"Source contains parsing errors: {PyRepr.Of(shown)}"
                : $"{error.Message} {PyRepr.Of(shown)}";
            bag.Error(new ConfigDiagnostic(file, error.Line, section, "", message));
        }
        foreach (var section in document.Sections)
        {
            var target = config.GetOrAdd(section.Name, file, section.Line);
            foreach (var entry in section.Entries)
            {
                target.Set(entry.Key, new RawValue(entry.Value, file, entry.Line, here));
            }
        }
    }
}
