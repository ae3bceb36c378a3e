using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Spawning;

/// <summary>command= to file and argv, with Supervisor's checks and texts (ServerOptions.check_execv_args).</summary>
public sealed class CommandResolverSpecs : IDisposable
{
    private readonly TempDirectory _temp = new("supervise-resolve-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_command_with_a_slash_is_used_as_is_and_split_like_a_shell()
    {
        var (file, argv, error) = CommandResolver.Resolve("/bin/echo 'two words' \"and more\" last", "/nowhere");

        error.Should().BeNull();
        file.Should().Be("/bin/echo");
        argv.Should().Equal("/bin/echo", "two words", "and more", "last");
    }

    [Fact]
    public void A_bare_name_is_found_in_the_first_folder_of_path_that_has_it()
    {
        var first = Executable("first/tool");
        Executable("second/tool");

        var (file, argv, error) = CommandResolver.Resolve(
            "tool --flag",
            $"{_temp["missing"]}:{_temp["first"]}:{_temp["second"]}"
        );

        error.Should().BeNull();
        file.Should().Be(first);
        argv.Should().Equal("tool", "--flag");
    }

    [Fact]
    public void Without_a_path_the_name_is_looked_up_in_bin_usr_bin_and_usr_local_bin()
    {
        var (file, _, error) = CommandResolver.Resolve("sh -c true", pathVariable: null);

        error.Should().BeNull();
        file.Should().Be("/bin/sh");
    }

    [Fact]
    public void A_name_on_no_folder_of_path_is_not_found_with_supervisors_text()
    {
        var (file, argv, error) = CommandResolver.Resolve("no-such-program-x arg", _temp.Path);

        file.Should().BeNull();
        argv.Should().Equal("no-such-program-x", "arg");
        error.Should().Be(new SpawnError(SpawnErrorKind.NotFound, "can't find command 'no-such-program-x'"));
    }

    [Fact]
    public void A_missing_absolute_path_is_not_found()
    {
        CommandResolver
            .Resolve(_temp["gone"], null)
            .Error.Should()
            .Be(new SpawnError(SpawnErrorKind.NotFound, $"can't find command '{_temp["gone"]}'"));
    }

    [Fact]
    public void A_directory_is_not_executable()
    {
        CommandResolver
            .Resolve(_temp.Path, null)
            .Error.Should()
            .Be(new SpawnError(SpawnErrorKind.NotExecutable, $"command at '{_temp.Path}' is a directory"));
    }

    [Fact]
    public void A_file_without_any_execute_bit_is_not_executable()
    {
        var path = _temp["plain"];
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        CommandResolver
            .Resolve(path, null)
            .Error.Should()
            .Be(new SpawnError(SpawnErrorKind.NotExecutable, $"command at '{path}' is not executable"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_command_is_refused(string command)
    {
        CommandResolver
            .Resolve(command, null)
            .Error.Should()
            .Be(new SpawnError(SpawnErrorKind.BadCommand, "command is empty"));
    }

    [Fact]
    public void An_unbalanced_quote_is_refused_with_shlexs_reason()
    {
        CommandResolver
            .Resolve("/bin/echo 'open", null)
            .Error.Should()
            .Be(
                new SpawnError(SpawnErrorKind.BadCommand, "can't parse command '/bin/echo 'open': No closing quotation")
            );
    }

    private string Executable(string relative)
    {
        var path = _temp[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
