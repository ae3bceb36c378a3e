using System.Text;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Tests.Logging;

public sealed class AnsiStripperSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("supervise-ansi-").FullName;

    [Theory]
    [InlineData("\u001b[31mred\u001b[0m plain", "red plain")]
    [InlineData("\u001b[2J\u001b[Hclear", "clear")]
    [InlineData("no escapes", "no escapes")]
    [InlineData("lone \u001b escape", "lone \u001b escape")]
    [InlineData("\u001b\u001b[1mbold", "\u001bbold")]
    [InlineData("unterminated \u001b[12", "unterminated \u001b[12")]
    public void Escape_sequences_are_removed_and_everything_else_kept(string input, string expected)
    {
        Strip(input).Should().Be(expected);
    }

    [Fact]
    public void A_sequence_split_at_every_possible_point_is_still_removed()
    {
        const string input = "a\u001b[38;5;208mb\u001b[0m\n";
        for (var cut = 0; cut <= input.Length; cut++)
        {
            Strip(input[..cut], input[cut..]).Should().Be("ab\n", $"cut at {cut}");
        }
    }

    [Fact]
    public void An_overlong_sequence_is_data()
    {
        var input = "\u001b[" + new string('1', 100) + "m after";

        Strip(input).Should().Be(input);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Strip(params string[] chunks)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.log");
        using (var log = new ChannelLog(path, maxBytes: 0, backups: 0))
        {
            log.EnsureOpen();
            var stripper = new AnsiStripper(log);
            foreach (var chunk in chunks)
            {
                stripper.Write(Encoding.UTF8.GetBytes(chunk));
            }
            stripper.Flush();
        }
        return File.ReadAllText(path);
    }
}
