using System.Runtime.InteropServices;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Platform;

/// <summary>Raises RLIMIT_NOFILE and RLIMIT_NPROC to minfds/minprocs; children inherit the limits.</summary>
internal static unsafe class ResourceLimits
{
    /// <returns>The new soft limit when it was raised, null when it already sufficed, or an error message.</returns>
    public static (ulong? Raised, string? Error) Raise(int resource, ulong minimum)
    {
        Libc.RLimit limit;
        if (Libc.getrlimit(resource, &limit) != 0)
        {
            return (null, ErrnoNames.Name(Marshal.GetLastPInvokeError()));
        }
        if (limit.Current >= minimum)
        {
            return (null, null);
        }
        var wanted = new Libc.RLimit { Current = minimum, Maximum = Math.Max(limit.Maximum, minimum) };
        if (Libc.setrlimit(resource, &wanted) != 0)
        {
            return (null, ErrnoNames.Name(Marshal.GetLastPInvokeError()));
        }
        return (minimum, null);
    }
}
