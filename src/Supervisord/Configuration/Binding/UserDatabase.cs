using Supervise.Python;
using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// Supervisor's name_to_uid, name_to_gid and colon_separated_user_group over <see cref="UserAccounts"/>: numbers are
/// read as Python's int() reads them, and failures carry Supervisor's messages.
/// </summary>
public static class UserDatabase
{
    public static string? HomeOf(string user) => UserAccounts.ByName(user)?.Home;

    /// <summary>name_to_uid: a user name or a numeric uid present in passwd.</summary>
    internal static Parsed<int> Uid(string nameOrId)
    {
        if (PyInt.TryParse(nameOrId, 10, out var id))
        {
            return id is >= int.MinValue and <= int.MaxValue && UserAccounts.ByUid((int)id) is not null
                ? (int)id
                : Parsed<int>.Fail($"Invalid user id {Echo.Text(nameOrId)}");
        }
        return UserAccounts.ByName(nameOrId) is { } account
            ? account.Uid
            : Parsed<int>.Fail($"Invalid user name {Echo.Text(nameOrId)}");
    }

    /// <summary>name_to_gid: a group name or a numeric gid present in /etc/group.</summary>
    internal static Parsed<int> Gid(string nameOrId)
    {
        if (PyInt.TryParse(nameOrId, 10, out var id))
        {
            return id is >= int.MinValue and <= int.MaxValue && UserAccounts.GroupExists((int)id)
                ? (int)id
                : Parsed<int>.Fail($"Invalid group id {Echo.Text(nameOrId)}");
        }
        return UserAccounts.GroupId(nameOrId) is { } gid
            ? gid
            : Parsed<int>.Fail($"Invalid group name {Echo.Text(nameOrId)}");
    }

    /// <summary>colon_separated_user_group: "user" or "user:group", both resolvable.</summary>
    public static bool IsUserGroup(string text)
    {
        var parts = text.Split(':', 2);
        return Uid(parts[0]).Ok && (parts.Length == 1 || Gid(parts[1]).Ok);
    }

    /// <summary>A user name or numeric uid, resolved; null when unknown.</summary>
    public static int? UidOf(string nameOrId) => Uid(nameOrId) is { Ok: true } parsed ? parsed.Value : null;
}
