using System.Text;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Tests.Logging;

public sealed class AnsiStripperSpecs
{
    [Theory]
    [InlineData("\u001b[31mred\u001b[0m plain", "red plain")]
    [InlineData("\u001b[2J\u001b[Hclear", "clear")]
    [InlineData("no escapes", "no escapes")]
    [InlineData("unterminated \u001b[12", "unterminated \u001b[12")]
    public void Escape_sequences_are_removed_and_everything_else_kept(string input, string expected)
    {
        var buffer = Encoding.UTF8.GetBytes(input);

        var length = AnsiStripper.Strip(buffer, 0, buffer.Length);

        Encoding.UTF8.GetString(buffer, 0, length).Should().Be(expected);
    }
}
