namespace Supervise.Supervisord.Spawning;

/// <summary>Forwards to <see cref="Platform.Errno.Name"/>; kept until Processes and Control call the platform table.</summary>
public static class ErrnoNames
{
    public static string Name(int errno) => Platform.Errno.Name(errno);
}
