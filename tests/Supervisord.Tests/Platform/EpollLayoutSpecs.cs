using System.Runtime.InteropServices;
using Supervise.Supervisord.Platform;
using Cpu = System.Runtime.InteropServices.Architecture;

namespace Supervise.Supervisord.Tests.Platform;

/// <summary>struct epoll_event differs by architecture: packed on x86-64, naturally aligned on arm64.</summary>
public sealed class EpollLayoutSpecs
{
    [Fact]
    public void The_packed_event_is_12_bytes_with_its_data_at_offset_4()
    {
        Marshal.SizeOf<Libc.EpollEventPacked>().Should().Be(12);
        Marshal.OffsetOf<Libc.EpollEventPacked>(nameof(Libc.EpollEventPacked.Data)).Should().Be(4);
    }

    [Fact]
    public void The_aligned_event_is_16_bytes_with_its_data_at_offset_8()
    {
        Marshal.SizeOf<Libc.EpollEventAligned>().Should().Be(16);
        Marshal.OffsetOf<Libc.EpollEventAligned>(nameof(Libc.EpollEventAligned.Data)).Should().Be(8);
    }

    [Fact]
    public void The_layout_in_use_is_the_kernels_for_the_running_architecture()
    {
        // include/uapi/linux/eventpoll.h: EPOLL_PACKED is __attribute__((packed)) only under __x86_64__.
        var (size, offset) = RuntimeInformation.ProcessArchitecture switch
        {
            Cpu.X64 or Cpu.X86 => (12, 4),
            _ => (16, 8),
        };

        EpollLayout.Size.Should().Be(size, RuntimeInformation.ProcessArchitecture.ToString());
        EpollLayout.DataOffset.Should().Be(offset);
        EpollLayout.MaxSize.Should().BeGreaterThanOrEqualTo(EpollLayout.Size);
    }
}
