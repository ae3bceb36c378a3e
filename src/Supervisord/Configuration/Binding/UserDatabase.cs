namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// Users and groups from /etc/passwd and /etc/group. Interop (getpwnam) is confined to Platform, so the loader
/// reads the files; NSS sources beyond them (LDAP) are not consulted, which only matters for users that exist nowhere
/// in /etc/passwd.
/// </summary>
public static class UserDatabase
{
    private static IEnumerable<string[]> Entries(string file)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        foreach (var line in lines)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return line.Split(':');
            }
        }
    }

    private static IEnumerable<(string Name, int Id, string[] Fields)> Users() =>
        Entries("/etc/passwd").Where(f => f.Length >= 6 && int.TryParse(f[2], out _)).Select(f => (f[0], int.Parse(f[2]), f));

    private static IEnumerable<(string Name, int Id)> Groups() =>
        Entries("/etc/group").Where(f => f.Length >= 3 && int.TryParse(f[2], out _)).Select(f => (f[0], int.Parse(f[2])));

    public static string? HomeOf(string user) => Users().FirstOrDefault(u => u.Name == user).Fields?[5];

    /// <summary>name_to_uid: a user name or a numeric uid present in passwd.</summary>
    internal static Parsed<int> Uid(string nameOrId)
    {
        if (PyInt.TryParse(nameOrId, 10, out var id))
        {
            return Users().Any(u => u.Id == id) ? (int)id : Parsed<int>.Fail($"Invalid user id {Echo.Text(nameOrId)}");
        }
        var match = Users().FirstOrDefault(u => u.Name == nameOrId);
        return match.Name is not null ? match.Id : Parsed<int>.Fail($"Invalid user name {Echo.Text(nameOrId)}");
    }

    /// <summary>name_to_gid: a group name or a numeric gid present in /etc/group.</summary>
    internal static Parsed<int> Gid(string nameOrId)
    {
        if (PyInt.TryParse(nameOrId, 10, out var id))
        {
            return Groups().Any(g => g.Id == id) ? (int)id : Parsed<int>.Fail($"Invalid group id {Echo.Text(nameOrId)}");
        }
        var match = Groups().FirstOrDefault(g => g.Name == nameOrId);
        return match.Name is not null ? match.Id : Parsed<int>.Fail($"Invalid group name {Echo.Text(nameOrId)}");
    }

    /// <summary>colon_separated_user_group: "user" or "user:group", both resolvable.</summary>
    public static bool IsUserGroup(string text)
    {
        var parts = text.Split(':', 2);
        return Uid(parts[0]).Ok && (parts.Length == 1 || Gid(parts[1]).Ok);
    }

    /// <summary>The account of a uid: its name and primary gid, or null when passwd has no such uid.</summary>
    public static (string Name, int PrimaryGid)? Account(int uid)
    {
        var match = Users().FirstOrDefault(u => u.Id == uid);
        return match.Name is null ? null : (match.Name, int.Parse(match.Fields[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A user name or numeric uid, resolved; null when unknown.</summary>
    public static int? UidOf(string nameOrId) => Uid(nameOrId) is { Ok: true } parsed ? parsed.Value : null;

    /// <summary>A group name or numeric gid, resolved; null when unknown.</summary>
    public static int? GidOf(string nameOrId) => Gid(nameOrId) is { Ok: true } parsed ? parsed.Value : null;
}
