using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Spawning;

/// <summary>command= resolution with Supervisor's messages (ServerOptions.check_execv_args).</summary>
public sealed class CommandResolverSpecs : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("supervise-command-").FullName;

    [Fact]
    public void A_word_with_a_slash_is_used_as_it_is()
    {
        var (file, argv, error) = CommandResolver.Resolve("/bin/sh -c 'echo hi'", pathVariable: null);

        error.Should().BeNull();
        file.Should().Be("/bin/sh");
        argv.Should().Equal("/bin/sh", "-c", "echo hi");
    }

    [Fact]
    public void A_bare_word_is_looked_up_in_the_programs_path_first()
    {
        var own = Executable("tool");

        var (file, _, error) = CommandResolver.Resolve("tool --flag", pathVariable: $"{_directory}:/usr/bin");

        error.Should().BeNull();
        file.Should().Be(own);
    }

    [Fact]
    public void Without_a_path_the_default_folders_are_searched() =>
        CommandResolver.Resolve("sh", pathVariable: null).File.Should().Be("/bin/sh");

    [Fact]
    public void A_missing_command_is_reported_as_not_found() =>
        CommandResolver
            .Resolve("nosuchcommandzz", pathVariable: _directory)
            .Error.Should()
            .Be(new SpawnError(SpawnErrorKind.NotFound, "can't find command 'nosuchcommandzz'"));

    [Fact]
    public void A_directory_is_not_executable() =>
        CommandResolver
            .Resolve(_directory, pathVariable: null)
            .Error.Should()
            .Be(new SpawnError(SpawnErrorKind.NotExecutable, $"command at '{_directory}' is a directory"));

    [Fact]
    public void A_file_without_execute_bits_is_not_executable()
    {
        var path = Path.Combine(_directory, "plain");
        File.WriteAllText(path, "");

        CommandResolver
            .Resolve(path, pathVariable: null)
            .Error.Should()
            .Be(new SpawnError(SpawnErrorKind.NotExecutable, $"command at '{path}' is not executable"));
    }

    [Fact]
    public void An_empty_command_is_refused() =>
        CommandResolver
            .Resolve("   ", pathVariable: null)
            .Error.Should()
            .Be(new SpawnError(SpawnErrorKind.BadCommand, "command is empty"));

    [Fact]
    public void An_unbalanced_quote_is_a_parse_error() =>
        CommandResolver
            .Resolve("echo 'open", pathVariable: null)
            .Error!.Message.Should()
            .StartWith("can't parse command 'echo 'open': ");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Executable(string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
