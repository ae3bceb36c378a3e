namespace Supervise.Supervisord.Platform;

/// <summary>
/// Linux errno numbers and their symbols, the one table for both: the wrappers compare against the numbers, and
/// messages print the symbols as Python's errno.errorcode does in Supervisor's ("couldn't exec x: ENOENT").
/// </summary>
public static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int ESRCH = 3;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int E2BIG = 7;
    public const int ENOEXEC = 8;
    public const int EBADF = 9;
    public const int ECHILD = 10;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int ENOTDIR = 20;
    public const int EISDIR = 21;
    public const int EINVAL = 22;
    public const int ENFILE = 23;
    public const int EMFILE = 24;
    public const int ETXTBSY = 26;
    public const int ENOSPC = 28;
    public const int ENAMETOOLONG = 36;
    public const int ELOOP = 40;

    /// <summary>"ENOENT" for 2; "errno 99" for numbers without a symbol here.</summary>
    public static string Name(int errno) =>
        errno switch
        {
            EPERM => "EPERM",
            ENOENT => "ENOENT",
            ESRCH => "ESRCH",
            EINTR => "EINTR",
            EIO => "EIO",
            E2BIG => "E2BIG",
            ENOEXEC => "ENOEXEC",
            EBADF => "EBADF",
            ECHILD => "ECHILD",
            EAGAIN => "EAGAIN",
            ENOMEM => "ENOMEM",
            EACCES => "EACCES",
            ENOTDIR => "ENOTDIR",
            EISDIR => "EISDIR",
            EINVAL => "EINVAL",
            ENFILE => "ENFILE",
            EMFILE => "EMFILE",
            ETXTBSY => "ETXTBSY",
            ENOSPC => "ENOSPC",
            ENAMETOOLONG => "ENAMETOOLONG",
            ELOOP => "ELOOP",
            _ => $"errno {errno}",
        };

    /// <summary>The errno the last P/Invoke with SetLastError left.</summary>
    public static int Last => System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
}
