using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Tests;

public sealed class FaultNamesSpecs
{
    [Theory]
    [InlineData(Fault.BadName, "BAD_NAME")]
    [InlineData(Fault.SpawnError, "SPAWN_ERROR")]
    [InlineData(Fault.CantReread, "CANT_REREAD")]
    public void Faults_carry_supervisors_names(Fault fault, string name) => FaultNames.Of(fault).Should().Be(name);

    [Fact]
    public void A_fault_survives_the_trip_through_an_rpc_exception()
    {
        var exception = FaultException.Create(Fault.BadName, "foo");

        FaultException.FaultOf(exception).Should().Be(Fault.BadName);
        exception.Status.Detail.Should().Be("BAD_NAME: foo");
    }
}
