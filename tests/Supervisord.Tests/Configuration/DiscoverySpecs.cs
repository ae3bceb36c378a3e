using Supervise.Supervisord.Configuration;

namespace Supervise.Supervisord.Tests.Configuration;

public sealed class DiscoverySpecs
{
    [Fact]
    public void Search_paths_follow_supervisors_order()
    {
        ConfigDiscovery
            .SearchPaths("/opt/sv/bin/supervisord")
            .Should()
            .Equal(
                "/opt/sv/etc/supervisord.conf",
                "/opt/sv/supervisord.conf",
                "supervisord.conf",
                "etc/supervisord.conf",
                "/etc/supervisord.conf",
                "/etc/supervisor/supervisord.conf"
            );
    }

    [Fact]
    public void A_bare_program_name_makes_the_first_paths_relative()
    {
        ConfigDiscovery.SearchPaths("supervisord").Take(2).Should().Equal("etc/supervisord.conf", "supervisord.conf");
    }

    [Fact]
    public void The_first_existing_path_wins_and_relative_ones_resolve_against_the_current_directory()
    {
        var existing = new HashSet<string> { "/work/supervisord.conf", "/etc/supervisord.conf" };

        ConfigDiscovery
            .Find("/opt/sv/bin/supervisord", "/work", existing.Contains)
            .Should()
            .Be("/work/supervisord.conf");
        ConfigDiscovery
            .Find("/opt/sv/bin/supervisord", "/elsewhere", existing.Contains)
            .Should()
            .Be("/etc/supervisord.conf");
        ConfigDiscovery.Find("/opt/sv/bin/supervisord", "/elsewhere", _ => false).Should().BeNull();
    }

    [Fact]
    public void Not_found_message_lists_the_paths()
    {
        ConfigDiscovery
            .NotFoundMessage("/x/bin/supervisord")
            .Should()
            .Be(
                "No config file found at default paths (/x/etc/supervisord.conf, /x/supervisord.conf, supervisord.conf, etc/supervisord.conf, /etc/supervisord.conf, /etc/supervisor/supervisord.conf); use the -c option to specify a config file at a different path"
            );
    }
}
