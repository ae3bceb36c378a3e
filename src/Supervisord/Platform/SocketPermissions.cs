namespace Supervise.Supervisord.Platform;

/// <summary>Applies [unix_http_server] chmod= and chown= to the bound socket file.</summary>
internal static unsafe class SocketPermissions
{
    public static void Apply(string path, int mode, string? owner)
    {
        File.SetUnixFileMode(path, (UnixFileMode)mode);
        if (owner is null)
        {
            return;
        }
        var parts = owner.Split(':', 2);
        var uid = UserAccounts.UidOf(parts[0]) ?? -1;
        var gid =
            parts.Length > 1 ? UserAccounts.GidOf(parts[1]) ?? -1
            : uid >= 0 ? UserAccounts.ByUid(uid)?.PrimaryGid ?? -1
            : -1;
        using var strings = new NativeStrings();
        Libc.chown(strings.String(path), uid, gid);
    }
}
