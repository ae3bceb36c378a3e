using System.Globalization;

namespace Supervise.Supervisord.Platform;

/// <summary>
/// Users and groups from /etc/passwd and /etc/group, read as files rather than through getpwnam: NSS sources beyond
/// them (LDAP) are not consulted, which only matters for users that exist nowhere in /etc/passwd. Read on each call,
/// so an account added while the daemon runs is seen at the next reread.
/// </summary>
public static class UserAccounts
{
    public sealed record Account(string Name, int Uid, int PrimaryGid, string Home);

    public static Account? ByName(string name) => Users().FirstOrDefault(u => u.Name == name);

    public static Account? ByUid(int uid) => Users().FirstOrDefault(u => u.Uid == uid);

    public static int? GroupId(string name) =>
        Groups().Where(g => g.Name == name).Select(g => (int?)g.Gid).FirstOrDefault();

    public static bool GroupExists(int gid) => Groups().Any(g => g.Gid == gid);

    /// <summary>A user name or numeric uid present in passwd, resolved; null when unknown.</summary>
    public static int? UidOf(string nameOrId) =>
        int.TryParse(nameOrId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? ByUid(id)?.Uid
            : ByName(nameOrId)?.Uid;

    /// <summary>A group name or numeric gid present in /etc/group, resolved; null when unknown.</summary>
    public static int? GidOf(string nameOrId) =>
        int.TryParse(nameOrId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? GroupExists(id)
                ? id
                : null
            : GroupId(nameOrId);

    private static IEnumerable<Account> Users() =>
        Entries("/etc/passwd")
            .Where(f => f.Length >= 6 && IsId(f[2]) && IsId(f[3]))
            .Select(f => new Account(
                f[0],
                int.Parse(f[2], CultureInfo.InvariantCulture),
                int.Parse(f[3], CultureInfo.InvariantCulture),
                f[5]
            ));

    private static IEnumerable<(string Name, int Gid)> Groups() =>
        Entries("/etc/group")
            .Where(f => f.Length >= 3 && IsId(f[2]))
            .Select(f => (f[0], int.Parse(f[2], CultureInfo.InvariantCulture)));

    private static bool IsId(string field) =>
        int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out _);

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
}
