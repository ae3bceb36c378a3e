using System.Text.RegularExpressions;

namespace Supervise.Supervisord.Tests.Architecture;

/// <summary>
/// Platform/ is the daemon's only door to the OS: it alone declares and calls Libc, and it depends on no other folder
/// of the daemon, so that every folder may use it without a cycle.
/// </summary>
public sealed partial class PlatformBoundarySpecs
{
    [Fact]
    public void No_file_outside_the_platform_folder_mentions_Libc() =>
        OutsidePlatform().Where(f => MentionsLibc().IsMatch(f.Text)).Select(f => f.Path).Should().BeEmpty();

    [Fact]
    public void The_platform_folder_depends_on_no_other_folder_of_the_daemon()
    {
        var platform = SourceTree.Files().Where(f => f.Path.StartsWith("Platform/", StringComparison.Ordinal)).ToList();

        platform.Should().NotBeEmpty();
        platform.Where(f => OtherDaemonNamespace().IsMatch(f.Text)).Select(f => f.Path).Should().BeEmpty();
    }

    [Fact]
    public void Only_the_platform_folder_declares_native_imports() =>
        OutsidePlatform()
            .Where(f =>
                f.Text.Contains("[LibraryImport", StringComparison.Ordinal)
                || f.Text.Contains("[DllImport", StringComparison.Ordinal)
            )
            .Select(f => f.Path)
            .Should()
            .BeEmpty();

    private static IEnumerable<(string Path, string Text)> OutsidePlatform() =>
        SourceTree.Files().Where(f => !f.Path.StartsWith("Platform/", StringComparison.Ordinal));

    [GeneratedRegex(@"\bLibc\b")]
    private static partial Regex MentionsLibc();

    [GeneratedRegex(
        @"\bSupervise\.Supervisord\.(?!Platform\b)\w+|\b(?:Spawning|Logging|Hosting|Processes|Control|Events|Configuration)\.\w"
    )]
    private static partial Regex OtherDaemonNamespace();
}
