using System.Runtime.InteropServices;

namespace Supervise.Integration.Tests.Packaging;

/// <summary>
/// A fact that needs root (mount namespace, overlay, chroot) and Debian's dpkg-deb and unshare; elsewhere it is
/// skipped with the reason, never passed silently. xunit 2 reads Skip from the attribute at discovery.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed partial class PackagingFactAttribute : FactAttribute
{
    public PackagingFactAttribute()
    {
        if (geteuid() != 0)
        {
            Skip = "needs root: the .deb is installed in a throwaway root (mount namespace, overlay of /, chroot)";
        }
        else if (Tool.Find("dpkg-deb") is null)
        {
            Skip = "needs dpkg-deb (Debian's dpkg) to build and inspect the .deb";
        }
        else if (Tool.Find("unshare") is null)
        {
            Skip = "needs unshare (util-linux) for the throwaway root";
        }
    }

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
