using System.Text;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Tests.Logging;

public sealed class TailBufferSpecs
{
    [Fact]
    public void It_holds_everything_until_it_is_full()
    {
        var tail = new TailBuffer(16);

        tail.Append("hello "u8);
        tail.Append("world"u8);

        Encoding.ASCII.GetString(tail.Contents()).Should().Be("hello world");
    }

    [Fact]
    public void It_keeps_only_the_newest_bytes_across_wrap_arounds()
    {
        var tail = new TailBuffer(8);

        tail.Append("0123456"u8);
        tail.Append("789ab"u8);

        Encoding.ASCII.GetString(tail.Contents()).Should().Be("456789ab");
        tail.Written.Should().Be(12);
    }

    [Fact]
    public void A_write_larger_than_the_buffer_leaves_its_last_bytes()
    {
        var tail = new TailBuffer(4);
        tail.Append("xy"u8);

        tail.Append("abcdefghij"u8);

        Encoding.ASCII.GetString(tail.Contents()).Should().Be("ghij");
    }
}
