using CliWrap;
using CliWrap.Buffered;

namespace Supervise.Faults;

/// <summary>A small tmpfs mounted over a folder (root only), to fill a disk on purpose; unmounted (lazily) at dispose.</summary>
public sealed class Tmpfs(string mountPoint) : IAsyncDisposable
{
    public string MountPoint { get; } = mountPoint;

    public static async Task<Tmpfs> MountAsync(string mountPoint, string size)
    {
        Directory.CreateDirectory(mountPoint);
        await RunAsync("/usr/bin/mount", "-t", "tmpfs", "-o", $"size={size},mode=0755", "tmpfs", mountPoint);
        return new Tmpfs(mountPoint);
    }

    /// <summary>Gives the file system room again, as an operator freeing space does.</summary>
    public Task ResizeAsync(string size) => RunAsync("/usr/bin/mount", "-o", $"remount,size={size}", MountPoint);

    public async ValueTask DisposeAsync() => await RunAsync("/usr/bin/umount", "-l", MountPoint);

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var result = await Cli.Wrap(tool)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        result.ExitCode.Should().Be(0, $"{tool} {string.Join(' ', arguments)} failed: {result.StandardError}");
    }
}
