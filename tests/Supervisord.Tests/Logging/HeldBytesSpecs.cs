using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Tests.Logging;

public sealed class HeldBytesSpecs
{
    [Fact]
    public void Bytes_come_out_in_the_order_they_went_in()
    {
        var held = new HeldBytes(100);
        held.Append("one "u8);
        held.Append("two"u8);

        Drain(held).Should().Be("one two");
        held.Length.Should().Be(0);
    }

    [Fact]
    public void Past_the_capacity_the_oldest_bytes_are_dropped_and_counted()
    {
        var held = new HeldBytes(8);
        held.Append("abcdef"u8).Should().Be(0);

        held.Append("ghij"u8).Should().Be(2);

        held.Length.Should().Be(8);
        Drain(held).Should().Be("cdefghij");
    }

    [Fact]
    public void A_chunk_larger_than_the_capacity_keeps_only_its_newest_bytes()
    {
        var held = new HeldBytes(4);
        held.Append("ab"u8);

        held.Append("0123456789"u8).Should().Be(8);

        Drain(held).Should().Be("6789");
    }

    [Fact]
    public void A_partly_written_chunk_resumes_where_the_write_stopped()
    {
        var held = new HeldBytes(100);
        held.Append("hello"u8);

        held.Consume(2);

        System.Text.Encoding.ASCII.GetString(held.Peek().Span).Should().Be("llo");
        held.Length.Should().Be(3);
    }

    private static string Drain(HeldBytes held)
    {
        var text = new System.Text.StringBuilder();
        while (held.Length > 0)
        {
            var head = held.Peek();
            text.Append(System.Text.Encoding.ASCII.GetString(head.Span));
            held.Consume(head.Length);
        }
        return text.ToString();
    }
}
