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
            var message =
                error.Message == "Source contains parsing errors"
                    ? $"Source contains parsing errors: {Echo.Repr(error.Text)}"
                    : $"{error.Message} {Echo.Repr(error.Text)}";
            bag.Error(new ConfigDiagnostic(file, error.Line, section, "", message));
        }
        foreach (var section in document.Sections)
        {
            var name = NulGuard.CleanSectionName(section.Name, file, section.Line, bag);
            var target = config.GetOrAdd(name, file, section.Line);
            foreach (var entry in section.Entries)
            {
                target.Set(
                    entry.Key,
                    new RawValue(
                        NulGuard.Clean(entry.Value, file, entry.Line, name, entry.Key, bag),
                        file,
                        entry.Line,
                        here
                    )
                );
            }
        }
    }
}
