namespace Supervise.Naming;

/// <summary>
/// Supervisor's namespecs (make_namespec, split_namespec): a process is named "name" when its group has the same name,
/// else "group:name"; "group:*" and "group:" name the whole group.
/// </summary>
public static class ProcessName
{
    public static string Make(string group, string name) => group == name ? name : $"{group}:{name}";

    /// <summary>"g:*" and "g:" give a null process name (the whole group); a bare "x" means group x, process x.</summary>
    public static (string Group, string? Process) Split(string namespec)
    {
        var colon = namespec.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (namespec, namespec);
        }
        var process = namespec[(colon + 1)..];
        return (namespec[..colon], process is "" or "*" ? null : process);
    }

    /// <summary>The name Supervisor prints for a single-name call: make_namespec of the split request.</summary>
    public static string OfRequest(string namespec)
    {
        var (group, process) = Split(namespec);
        return Make(group, process ?? group);
    }
}
