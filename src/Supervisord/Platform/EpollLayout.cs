using System.Runtime.InteropServices;

namespace Supervise.Supervisord.Platform;

/// <summary>
/// struct epoll_event as the running architecture lays it out: packed (12 bytes) on x86, naturally aligned (16 bytes)
/// elsewhere. One binary per architecture is published, but the JIT build runs anywhere, so the choice is made at run
/// time; reading an array of 16-byte events with a 12-byte stride would hand out garbage ids on arm64.
/// </summary>
internal static unsafe class EpollLayout
{
    public static bool IsPacked { get; } =
        RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86;

    /// <summary>The size of one event; a buffer of <c>n</c> events holds at least <c>n * MaxSize</c> bytes.</summary>
    public static int Size => IsPacked ? sizeof(Libc.EpollEventPacked) : sizeof(Libc.EpollEventAligned);

    public const int MaxSize = 16;

    public static int DataOffset =>
        IsPacked
            ? (int)Marshal.OffsetOf<Libc.EpollEventPacked>(nameof(Libc.EpollEventPacked.Data))
            : (int)Marshal.OffsetOf<Libc.EpollEventAligned>(nameof(Libc.EpollEventAligned.Data));

    public static void Write(void* at, uint events, ulong data)
    {
        if (IsPacked)
        {
            *(Libc.EpollEventPacked*)at = new Libc.EpollEventPacked { Events = events, Data = data };
        }
        else
        {
            *(Libc.EpollEventAligned*)at = new Libc.EpollEventAligned { Events = events, Data = data };
        }
    }

    public static ulong DataAt(void* events, int index) =>
        IsPacked ? ((Libc.EpollEventPacked*)events)[index].Data : ((Libc.EpollEventAligned*)events)[index].Data;
}
