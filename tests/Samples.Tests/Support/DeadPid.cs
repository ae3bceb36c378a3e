using System.Diagnostics;

namespace Supervise.Samples.Tests.Support;

/// <summary>The pid of a process that has exited and been reaped: a stand-in for a crashed worker.</summary>
public static class DeadPid
{
    public static int Get()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
