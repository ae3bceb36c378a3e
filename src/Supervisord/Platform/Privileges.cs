namespace Supervise.Supervisord.Platform;

/// <summary>
/// Supervisor's drop_privileges: nothing to do when already that uid; a non-root process cannot switch; root sets the
/// user's groups (initgroups), then gid, then uid. HOME, USER and the rest of the environment are left alone.
/// </summary>
internal static unsafe class Privileges
{
    /// <returns>null on success, or Supervisor's reason text.</returns>
    public static string? Drop(uint uid)
    {
        if (Libc.geteuid() == uid)
        {
            return null;
        }
        if (Libc.geteuid() != 0)
        {
            return "Can't drop privilege as nonroot user";
        }
        var account = UserAccounts.ByUid((int)uid);
        var gid = account is not null ? (uint)account.PrimaryGid : uid;
        using var strings = new NativeStrings();
        if (account is not null && Libc.initgroups(strings.String(account.Name), gid) != 0)
        {
            return "Could not set groups of effective user";
        }
        if (Libc.setgid(gid) != 0)
        {
            return "Could not set group id of effective user";
        }
        return Libc.setuid(uid) != 0 ? "Could not set user id of effective user" : null;
    }
}
