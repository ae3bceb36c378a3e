using System.Runtime.InteropServices;

namespace Supervise.Samples.Tests.Support;

/// <summary>kill(2), to send SIGTERM as Supervisor does (.NET's Process.Kill only sends SIGKILL).</summary>
public static partial class Signals
{
    public const int SIGTERM = 15;

    public static void Send(int pid, int signal)
    {
        if (kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);
}
