using System.Buffers;
using System.Text;
using Supervise.Supervisord.Control;

namespace Supervise.Supervisord.Tests.Control;

public sealed class ProtocolSnifferSpecs
{
    private const string Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

    [Theory]
    [InlineData("POST /RPC2 HTTP/1.1\r\n", false)]
    [InlineData("GET /logtail/x HTTP/1.1\r\n", false)]
    [InlineData("P", null)]
    [InlineData("PRI * HTTP/2", null)]
    [InlineData("PRI * HTTP/1.1\r\n", false)]
    [InlineData(Preface, true)]
    [InlineData(Preface + "\0\0\x12\x04", true)]
    [InlineData("", null)]
    public void The_first_bytes_decide_http2_only_on_the_whole_preface(string first, bool? expected)
    {
        ProtocolSniffer.Classify(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(first))).Should().Be(expected);
    }

    [Fact]
    public void A_preface_split_across_segments_is_still_recognised()
    {
        var bytes = Encoding.ASCII.GetBytes(Preface);
        var first = new Segment(bytes[..7]);
        var last = first.Append(bytes[7..]);

        ProtocolSniffer.Classify(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length)).Should().BeTrue();
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data) => Memory = data;

        public Segment Append(byte[] data)
        {
            var next = new Segment(data) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
