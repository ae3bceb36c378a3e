using System.Text;
using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Tests.Events;

/// <summary>The listener's edge: type names and payloads rendered from the typed records, against Supervisor 4.2.5's bytes.</summary>
public sealed class EventTextSpecs
{
    [Theory]
    [MemberData(nameof(RecordedEnvelopes.Names), MemberType = typeof(RecordedEnvelopes))]
    public void The_payload_is_byte_exact_with_supervisor(string name)
    {
        var (_, published) = RecordedEnvelopes.All[name];
        var recorded = RecordedEnvelopes.Bytes(name);
        var payload = recorded.AsSpan(Array.IndexOf(recorded, (byte)'\n') + 1).ToArray();

        Encoding.UTF8.GetBytes(EventText.Payload(published)).Should().Equal(payload);
    }

    [Theory]
    [MemberData(nameof(RecordedEnvelopes.Names), MemberType = typeof(RecordedEnvelopes))]
    public void The_whole_envelope_is_byte_exact_with_supervisor_len_counting_code_points(string name)
    {
        var (serial, published) = RecordedEnvelopes.All[name];

        EventText
            .Envelope(RecordedEnvelopes.Identifier, serial, RecordedEnvelopes.Pool, serial, published)
            .Should()
            .Equal(RecordedEnvelopes.Bytes(name));
    }

    [Theory]
    [InlineData("plain ascii\n")]
    [InlineData("grüße € 😀\n")]
    [InlineData("")]
    public void An_output_envelope_copied_from_bytes_equals_the_one_rendered_from_the_payload_text(string output)
    {
        var log = new ProcessLog(OutputChannel.Stdout, "web", "site", 42, Encoding.UTF8.GetBytes(output));
        var payload = EventText.Payload(log);

        var envelope = Encoding.UTF8.GetString(EventText.Envelope("sv", 1, "p", 2, log));

        envelope
            .Should()
            .Be(
                $"ver:3.0 server:sv serial:1 pool:p poolserial:2 eventname:PROCESS_LOG_STDOUT len:{EventText.CodePoints(payload)}\n{payload}"
            );
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("grüße", 5)]
    [InlineData("€", 1)]
    [InlineData("😀", 1)]
    [InlineData("a😀\n", 3)]
    public void Len_is_pythons_len_of_the_str_not_utf8_bytes_nor_utf16_units(string text, int expected) =>
        EventText.CodePoints(text).Should().Be(expected);

    [Theory]
    [MemberData(nameof(RecordedEnvelopes.Names), MemberType = typeof(RecordedEnvelopes))]
    public void The_type_name_is_supervisors(string name)
    {
        var (_, published) = RecordedEnvelopes.All[name];

        EventText.TypeName(published).Should().Be(name.Split('-')[0]);
    }

    [Fact]
    public void A_process_state_payload_carries_the_pid_at_the_change_even_when_stopped() =>
        EventText
            .Payload(new ProcessStateChanged("web", "site", "STOPPING", "STOPPED", 41, 0, false))
            .Should()
            .Be("processname:web groupname:site from_state:STOPPING pid:41");

    [Fact]
    public void An_unknown_state_payload_has_no_extra_tokens() =>
        EventText
            .Payload(new ProcessStateChanged("web", "site", "STOPPING", "UNKNOWN", 41, 3, true))
            .Should()
            .Be("processname:web groupname:site from_state:STOPPING");

    [Fact]
    public void An_expected_exit_is_reported_as_one() =>
        EventText
            .Payload(new ProcessStateChanged("job", "job", "RUNNING", "EXITED", 7, 0, true))
            .Should()
            .Be("processname:job groupname:job from_state:RUNNING expected:1 pid:7");

    [Fact]
    public void Undecodable_output_is_shown_as_pythons_bytes_repr_with_the_quote_python_picks()
    {
        var published = new ProcessLog(
            OutputChannel.Stdout,
            "p",
            "g",
            1,
            new byte[] { (byte)'i', (byte)'t', (byte)'\'', (byte)'s', 0xff, (byte)'\\', (byte)'\t' }
        );

        EventText
            .Payload(published)
            .Should()
            .Be("processname:p groupname:g pid:1 channel:stdout\nUndecodable: b\"it's\\xff\\\\\\t\"");
    }

    [Fact]
    public void The_envelope_header_has_supervisors_token_order()
    {
        var text = Encoding.UTF8.GetString(EventText.Envelope("sv", 7, "audit", 3, new ProcessGroupAdded("web")));

        text.Should()
            .Be(
                "ver:3.0 server:sv serial:7 pool:audit poolserial:3 eventname:PROCESS_GROUP_ADDED len:14\ngroupname:web\n"
            );
    }
}
