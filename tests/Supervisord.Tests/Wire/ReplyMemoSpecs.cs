using System.Text;
using Supervise.Supervisord.Wire;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Tests.Wire;

/// <summary>The kept reply: lent while the value is the same instance, rendered afresh otherwise, and still whole for a send in flight.</summary>
public sealed class ReplyMemoSpecs
{
    private readonly ReplyMemo _memo = new();

    [Fact]
    public void The_same_value_instance_gets_the_kept_reply_and_another_value_its_own()
    {
        XmlRpcValue first = new XmlRpcArray([(XmlRpcValue)"one"]);
        using var kept = _memo.Render(first, keep: true);
        using var again = _memo.Render(first, keep: true);
        again.Should().BeSameAs(kept);

        using var equalButNew = _memo.Render(new XmlRpcArray([(XmlRpcValue)"one"]), keep: true);
        equalButNew.Should().NotBeSameAs(kept, "only the same instance is known to render the same bytes");
        Encoding
            .UTF8.GetString(equalButNew.Memory.Span)
            .Should()
            .Be(Encoding.UTF8.GetString(XmlRpcResponseWriter.Response(first)));
    }

    [Fact]
    public void A_reply_lent_out_stays_whole_after_the_memo_moves_on()
    {
        XmlRpcValue first = new XmlRpcArray([(XmlRpcValue)"first"]);
        var expected = XmlRpcResponseWriter.Response(first);
        _memo.Render(first, keep: true).Dispose();
        var lent = _memo.Render(first, keep: true);

        _memo.Render(new XmlRpcArray([(XmlRpcValue)"second"]), keep: true).Dispose();

        lent.Memory.ToArray().Should().Equal(expected);
        lent.Dispose();
        FluentActions
            .Invoking(() => lent.Memory)
            .Should()
            .Throw<ObjectDisposedException>("the last holder gave the buffer back");
    }

    [Fact]
    public void A_value_not_kept_is_rendered_each_time()
    {
        XmlRpcValue value = "3.0";
        using var one = _memo.Render(value, keep: false);
        using var two = _memo.Render(value, keep: false);
        two.Should().NotBeSameAs(one);
        two.Memory.ToArray().Should().Equal(XmlRpcResponseWriter.Response(value));
    }
}
