using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// All process groups, in <c>process_groups_from_parser</c>'s order: [group:x] (heterogeneous: the listed programs'
/// own groups are not created), then the remaining [program:x], [eventlistener:x] pools and [fcgi-program:x];
/// finally sorted by (priority, name).
/// </summary>
internal sealed class GroupBinder(
    RawConfig config,
    BindContext context,
    IReadOnlyDictionary<string, object> envNames,
    ProgramBinder programs
)
{
    public ValueList<ProcessGroupConfig> Bind()
    {
        var groups = new List<ProcessGroupConfig>();
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        var hereNames = Names.With(envNames, ("here", ""));
        foreach (var section in config.SectionsStartingWith("group:"))
        {
            BindGroup(section, hereNames, excluded, groups);
        }
        foreach (var section in config.SectionsStartingWith("program:").Where(s => !excluded.Contains(s.Name)))
        {
            var name = ValueParsers.Name(section.Name[8..]);
            var (processes, priority) = programs.Bind(section, name.Ok ? name.Value : section.Name[8..]);
            if (processes is not null && name.Ok)
            {
                groups.Add(new ProcessGroupConfig(name.Value, priority, GroupKind.Program, processes.ToValueList()));
            }
        }
        foreach (var section in config.SectionsStartingWith("eventlistener:"))
        {
            new EventListenerBinder(config, context, programs).Bind(section, hereNames, groups);
        }
        foreach (var section in config.SectionsStartingWith("fcgi-program:").Where(s => !excluded.Contains(s.Name)))
        {
            new FcgiBinder(config, context, programs).Bind(section, hereNames, groups);
        }
        groups.Sort(ConfigOrder.Groups);
        return groups.ToValueList();
    }

    private void BindGroup(
        RawSection section,
        Dictionary<string, object> names,
        HashSet<string> excluded,
        List<ProcessGroupConfig> groups
    )
    {
        var r = new OptionReader(config, section, context.Bag);
        var name = ValueParsers.Name(section.Name[6..]);
        if (!name.Ok)
        {
            r.Error(null, "", name.Error!);
        }
        var raw = r.Raw("programs");
        var listed = ValueParsers.Strings(raw?.Items, r.Text("programs", "", names) ?? "");
        var priority = r.Read("priority", "999", names, ValueParsers.Integer, 999);
        var processes = new List<ProcessConfig>();
        foreach (var program in listed)
        {
            var programSection = $"program:{program}";
            var fcgiSection = $"fcgi-program:{program}";
            var isProgram = config.Sections.ContainsKey(programSection);
            var isFcgi = config.Sections.ContainsKey(fcgiSection);
            if (!isProgram && !isFcgi)
            {
                r.Error(
                    raw,
                    "programs",
                    $"[{Echo.Text(section.Name)}] names unknown program or fcgi-program {Echo.Text(program)}"
                );
                continue;
            }
            if (isProgram && isFcgi)
            {
                r.Error(
                    raw,
                    "programs",
                    $"[{Echo.Text(section.Name)}] name {Echo.Text(program)} is ambiguous (exists as program and fcgi-program)"
                );
                continue;
            }
            var member = config.Sections[isProgram ? programSection : fcgiSection];
            excluded.Add(member.Name);
            processes.AddRange(programs.Bind(member, name.Ok ? name.Value : section.Name[6..]).Processes ?? []);
        }
        if (!r.Failed)
        {
            processes.Sort(ConfigOrder.Processes);
            groups.Add(new ProcessGroupConfig(name.Value, priority, GroupKind.Group, processes.ToValueList()));
        }
    }
}
