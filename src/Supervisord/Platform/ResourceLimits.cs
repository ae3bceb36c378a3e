namespace Supervise.Supervisord.Platform;

/// <summary>Raises RLIMIT_NOFILE and RLIMIT_NPROC to minfds/minprocs; children inherit the limits.</summary>
internal static unsafe class ResourceLimits
{
    public enum Resource
    {
        Processes = 6,
        OpenFiles = 7,
    }

    /// <summary>The soft limit now, or <see cref="ulong.MaxValue"/> when it cannot be read.</summary>
    public static ulong SoftLimit(Resource resource)
    {
        Libc.RLimit limit;
        return Libc.getrlimit((int)resource, &limit) == 0 ? limit.Current : ulong.MaxValue;
    }

    /// <returns>The new soft limit when it was raised, null when it already sufficed, or an error message.</returns>
    public static (ulong? Raised, string? Error) Raise(Resource resource, ulong minimum)
    {
        Libc.RLimit limit;
        if (Libc.getrlimit((int)resource, &limit) != 0)
        {
            return (null, Errno.Name(Errno.Last));
        }
        if (limit.Current >= minimum)
        {
            return (null, null);
        }
        var wanted = new Libc.RLimit { Current = minimum, Maximum = Math.Max(limit.Maximum, minimum) };
        if (Libc.setrlimit((int)resource, &wanted) != 0)
        {
            return (null, Errno.Name(Errno.Last));
        }
        return (minimum, null);
    }
}
