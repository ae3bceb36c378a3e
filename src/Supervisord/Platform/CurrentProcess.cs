namespace Supervise.Supervisord.Platform;

/// <summary>This process's identity and the settings an exec'd program inherits (umask, directory), with errno mapped.</summary>
public static unsafe class CurrentProcess
{
    public static uint EffectiveUid => Libc.geteuid();

    public static bool IsRoot => EffectiveUid == 0;

    /// <summary>Sets the umask (it has no failure) and returns the previous one.</summary>
    public static int SetUmask(int mask) => Libc.umask(mask);

    /// <returns>0, or the errno of chdir(2).</returns>
    public static int ChangeDirectory(string path)
    {
        using var strings = new NativeStrings();
        return Libc.chdir(strings.String(path)) == 0 ? 0 : Errno.Last;
    }

    /// <summary>Replaces this process with <paramref name="file"/>; returns only when execve(2) failed, with its errno.</summary>
    public static int Exec(string file, IReadOnlyList<string> argv, IReadOnlyList<string> envp)
    {
        using var strings = new NativeStrings();
        Libc.execve(strings.String(file), strings.Array(argv), strings.Array(envp));
        return Errno.Last;
    }

    /// <summary>Writes straight to fd 2, bypassing Console (the exec helper is about to exit or exec).</summary>
    public static void WriteToStandardError(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* pointer = bytes)
        {
            Libc.write(2, pointer, bytes.Length);
        }
    }
}
