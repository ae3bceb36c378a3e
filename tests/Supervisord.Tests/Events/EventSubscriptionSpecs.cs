using Supervise.Supervisord.Events;

namespace Supervise.Supervisord.Tests.Events;

public sealed class EventSubscriptionSpecs
{
    [Theory]
    [InlineData("EVENT", "TICK_5")]
    [InlineData("TICK", "TICK_3600")]
    [InlineData("PROCESS_STATE", "PROCESS_STATE_RUNNING")]
    [InlineData("PROCESS_LOG", "PROCESS_LOG_STDERR")]
    [InlineData("PROCESS_COMMUNICATION", "PROCESS_COMMUNICATION_STDOUT")]
    [InlineData("SUPERVISOR_STATE_CHANGE", "SUPERVISOR_STATE_CHANGE_STOPPING")]
    [InlineData("PROCESS_GROUP", "PROCESS_GROUP_REMOVED")]
    [InlineData("process_state_exited", "PROCESS_STATE_EXITED")]
    public void An_abstract_type_or_the_type_itself_matches(string subscribed, string type) =>
        new EventSubscription([subscribed]).Matches(type).Should().BeTrue();

    [Theory]
    [InlineData("TICK_5", "TICK_60")]
    [InlineData("PROCESS_STATE_RUNNING", "PROCESS_STATE")]
    [InlineData("PROCESS_STATE", "PROCESS_GROUP_ADDED")]
    [InlineData("REMOTE_COMMUNICATION", "PROCESS_COMMUNICATION_STDOUT")]
    public void Another_type_does_not_match(string subscribed, string type) =>
        new EventSubscription([subscribed]).Matches(type).Should().BeFalse();
}
