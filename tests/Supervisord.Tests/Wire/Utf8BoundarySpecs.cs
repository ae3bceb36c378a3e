using System.Text;
using Supervise.Supervisord.Wire;

namespace Supervise.Supervisord.Tests.Wire;

public sealed class Utf8BoundarySpecs
{
    [Fact]
    public void A_character_split_between_two_writes_goes_out_whole_in_the_second_chunk()
    {
        var text = Encoding.UTF8.GetBytes("ab é € 😀 z");
        var boundary = new Utf8Boundary();
        var chunks = new List<byte[]>();

        for (var i = 0; i < text.Length; i += 3)
        {
            chunks.Add(boundary.Next(text.AsSpan(i, Math.Min(3, text.Length - i))).ToArray());
        }

        chunks.SelectMany(c => c).Should().Equal(text);
        foreach (var chunk in chunks)
        {
            var decode = () => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(chunk);
            decode.Should().NotThrow("every chunk must decode on its own, as Python's client decodes it");
        }
    }

    [Theory]
    [InlineData(new byte[] { 0x61 }, 0)]
    [InlineData(new byte[] { 0x61, 0xC3 }, 1)]
    [InlineData(new byte[] { 0xC3, 0xA9 }, 0)]
    [InlineData(new byte[] { 0xE2, 0x82 }, 2)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98 }, 3)]
    [InlineData(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }, 0)]
    [InlineData(new byte[] { 0xFF }, 0)]
    public void The_incomplete_tail_is_the_unfinished_sequence_only(byte[] data, int expected)
    {
        Utf8Boundary.IncompleteTail(data).Should().Be(expected);
    }

    [Fact]
    public void A_tail_that_starts_inside_a_character_drops_only_its_continuation_bytes()
    {
        Utf8Boundary.LeadingContinuations([0x82, 0xAC, 0x61]).Should().Be(2);
        Utf8Boundary.LeadingContinuations("abc"u8).Should().Be(0);
    }
}
