using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Tests.Platform;

public sealed class UserAccountsSpecs
{
    [Fact]
    public void Root_is_found_by_name_and_by_uid_with_its_home_and_group()
    {
        var root = UserAccounts.ByName("root");

        root.Should().Be(new UserAccounts.Account("root", 0, 0, "/root"));
        UserAccounts.ByUid(0).Should().Be(root);
    }

    [Theory]
    [InlineData("root", 0)]
    [InlineData("0", 0)]
    [InlineData("nosuchuserzz", null)]
    [InlineData("987654", null)]
    public void A_user_resolves_by_name_or_number_only_when_passwd_has_it(string nameOrId, int? uid) =>
        UserAccounts.UidOf(nameOrId).Should().Be(uid);

    [Theory]
    [InlineData("root", 0)]
    [InlineData("0", 0)]
    [InlineData("nosuchgroupzz", null)]
    public void A_group_resolves_by_name_or_number_only_when_group_has_it(string nameOrId, int? gid) =>
        UserAccounts.GidOf(nameOrId).Should().Be(gid);
}
