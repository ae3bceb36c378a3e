using System.Text;
using Supervise.Supervisord.Logging;

namespace Supervise.Supervisord.Tests.Logging;

public sealed class CaptureSplitterSpecs
{
    private const string Begin = "<!--XSUPERVISOR:BEGIN-->";
    private const string End = "<!--XSUPERVISOR:END-->";

    private readonly StringBuilder _log = new();
    private readonly List<string> _blocks = [];

    [Fact]
    public void A_framed_block_goes_to_the_event_and_the_rest_to_the_log_without_the_tokens()
    {
        var splitter = Splitter(1024);

        Feed(splitter, $"before {Begin}captured text{End} after\n");

        _log.ToString().Should().Be("before  after\n");
        _blocks.Should().Equal("captured text");
    }

    [Fact]
    public void Tokens_split_at_every_possible_point_between_two_reads_are_still_matched()
    {
        var input = $"a{Begin}b\nc{End}d";
        for (var cut = 0; cut <= input.Length; cut++)
        {
            _log.Clear();
            _blocks.Clear();
            var splitter = Splitter(1024);

            Feed(splitter, input[..cut], input[cut..]);
            splitter.Flush();

            _log.ToString().Should().Be("ad", $"cut at {cut}");
            _blocks.Should().Equal(["b\nc"], $"cut at {cut}");
        }
    }

    [Fact]
    public void Output_that_only_looks_like_the_start_of_a_token_reaches_the_log_at_once()
    {
        var splitter = Splitter(1024);

        Feed(splitter, "hi\n");
        Feed(splitter, "x <!--XSUP");

        _log.ToString().Should().Be("hi\nx ", "only a true token prefix is held back");
        Feed(splitter, "ERVISED\n");
        _log.ToString().Should().Be("hi\nx <!--XSUPERVISED\n");
    }

    [Fact]
    public void A_block_keeps_its_last_capture_maxbytes_bytes()
    {
        var splitter = Splitter(4);

        Feed(splitter, $"{Begin}0123456789{End}");

        _blocks.Should().Equal("6789");
    }

    [Fact]
    public void Several_blocks_in_one_read_are_each_an_event()
    {
        var splitter = Splitter(1024);

        Feed(splitter, $"{Begin}one{End}-{Begin}two{End}");

        _blocks.Should().Equal("one", "two");
        _log.ToString().Should().Be("-");
    }

    [Fact]
    public void At_end_of_file_a_held_prefix_and_an_unfinished_block_are_written_to_the_log()
    {
        var held = Splitter(1024);
        Feed(held, "tail <!--XSUPER");
        held.Flush();
        _log.ToString().Should().Be("tail <!--XSUPER");

        _log.Clear();
        var open = Splitter(1024);
        Feed(open, $"x{Begin}never ended");
        open.Flush();
        _log.ToString().Should().Be($"x{Begin}never ended");
        _blocks.Should().BeEmpty();
    }

    private CaptureSplitter Splitter(long maxBytes) =>
        new(
            maxBytes,
            data => _log.Append(Encoding.UTF8.GetString(data)),
            block => _blocks.Add(Encoding.UTF8.GetString(block))
        );

    private static void Feed(CaptureSplitter splitter, params string[] reads)
    {
        foreach (var read in reads)
        {
            splitter.Write(Encoding.UTF8.GetBytes(read));
        }
    }
}
