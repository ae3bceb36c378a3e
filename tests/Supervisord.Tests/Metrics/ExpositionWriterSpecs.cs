using System.Text;
using Supervise.Supervisord.Metrics;

namespace Supervise.Supervisord.Tests.Metrics;

/// <summary>The text format 0.0.4 as Prometheus parses it: HELP/TYPE lines, labels, escapes, special values.</summary>
public sealed class ExpositionWriterSpecs
{
    [Fact]
    public void A_family_is_a_help_and_a_type_line_followed_by_its_samples()
    {
        var text = Write(w =>
        {
            w.Family("supervise_x_total", "counter", "Things counted.");
            w.Sample("supervise_x_total").Label("group", "g").Label("name", "n").Value(3);
            w.Sample("supervise_x_total").Value(4);
        });

        text.Should()
            .Be(
                "# HELP supervise_x_total Things counted.\n# TYPE supervise_x_total counter\n"
                    + "supervise_x_total{group=\"g\",name=\"n\"} 3\nsupervise_x_total 4\n"
            );
    }

    [Fact]
    public void Label_values_escape_backslash_double_quote_and_line_feed_and_keep_other_text_as_utf8()
    {
        var text = Write(w => w.Sample("m").Label("name", "a\\b\"c\nd <é>").Value(1));

        text.Should().Be("m{name=\"a\\\\b\\\"c\\nd <é>\"} 1\n");
    }

    [Fact]
    public void Help_text_escapes_backslash_and_line_feed_but_not_quotes()
    {
        var text = Write(w => w.Family("m", "gauge", "say \"hi\"\\\nbye"));

        text.Should().StartWith("# HELP m say \"hi\"\\\\\\nbye\n");
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(0.25, "0.25")]
    [InlineData(3.0, "3")]
    [InlineData(-1.0, "-1")]
    [InlineData(1e20, "1E+20")]
    [InlineData(1796164798.647, "1796164798.647")]
    public void Floating_values_use_the_formats_prometheus_parses(double value, string expected)
    {
        Write(w => w.Sample("m").Value(value)).Should().Be($"m {expected}\n");
    }

    [Theory]
    [InlineData(1796164798647, 3, "1796164798.647")]
    [InlineData(1796164798640, 3, "1796164798.64")]
    [InlineData(5000, 3, "5")]
    [InlineData(0, 3, "0")]
    [InlineData(1234500, 7, "0.12345")]
    [InlineData(36000000001, 7, "3600.0000001")]
    [InlineData(-1500, 3, "-1.5")]
    public void Fixed_point_values_are_written_exactly_without_trailing_zeros(long units, int decimals, string expected)
    {
        var text = Write(w => w.Sample("m").Value(units, decimals));

        text.Should().Be($"m {expected}\n");
        double.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)
            .Should()
            .Be(units / Math.Pow(10, decimals));
    }

    [Fact]
    public void Labels_encoded_once_read_the_same_as_labels_written_per_sample()
    {
        using var labels = new ExpositionWriter(16);
        labels.LabelText("group", "g\"1", first: true);
        labels.LabelText("name", "n", first: false);

        var reused = Write(w => w.Sample("m").Labels(labels.Written.Span).Label("state", "RUNNING").Value(1));
        var direct = Write(w =>
            w.Sample("m").Label("group", "g\"1").Label("name", "n").Label("state", "RUNNING").Value(1)
        );

        reused.Should().Be(direct).And.Be("m{group=\"g\\\"1\",name=\"n\",state=\"RUNNING\"} 1\n");
    }

    [Fact]
    public void Histogram_buckets_carry_le_after_the_other_labels_with_plus_inf_last()
    {
        var text = Write(w =>
        {
            w.Sample("h", "_bucket").Label("method", "x").BucketLabel(0.005).Value(1);
            w.Sample("h", "_bucket").BucketLabel(double.PositiveInfinity).Value(2);
        });

        text.Should().Be("h_bucket{method=\"x\",le=\"0.005\"} 1\nh_bucket{le=\"+Inf\"} 2\n");
    }

    [Fact]
    public void The_buffer_grows_past_its_initial_size_without_losing_what_was_written()
    {
        var text = Write(
            w =>
            {
                for (var i = 0; i < 10_000; i++)
                {
                    w.Sample("m").Label("i", i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value(i);
                }
            },
            initialCapacity: 16
        );

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(10_000);
        lines[0].Should().Be("m{i=\"0\"} 0");
        lines[^1].Should().Be("m{i=\"9999\"} 9999");
    }

    private static string Write(Action<ExpositionWriter> write, int initialCapacity = 1024)
    {
        using var writer = new ExpositionWriter(initialCapacity);
        write(writer);
        return Encoding.UTF8.GetString(writer.Written.Span);
    }
}
