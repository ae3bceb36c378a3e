namespace Supervise.Supervisord.Control;

/// <summary>User and group lookups in /etc/passwd and /etc/group (names or numeric ids).</summary>
internal static class UserIds
{
    public static int? Uid(string user) => Field("/etc/passwd", user, 2);

    public static int? PrimaryGid(string user) => Field("/etc/passwd", user, 3);

    public static int? Gid(string group) => Field("/etc/group", group, 2);

    private static int? Field(string file, string name, int index)
    {
        if (int.TryParse(name, out var numeric))
        {
            return index == 2 ? numeric : null;
        }
        foreach (var line in File.ReadLines(file))
        {
            var fields = line.Split(':');
            if (fields.Length > index && fields[0] == name && int.TryParse(fields[index], out var value))
            {
                return value;
            }
        }
        return null;
    }
}
