using Supervise.Supervisord.Processes;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Tests.Spawning;

/// <summary>What the spawner answers when a child cannot be started: the kind (for the RPC fault) and Supervisor's text.</summary>
public sealed class SpawnErrorSpecs : IDisposable
{
    private readonly TempDirectory _temp = new("supervise-spawn-");
    private readonly ProcessSpawner _spawner = new();

    public void Dispose()
    {
        _spawner.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_name_missing_from_the_childs_own_path_is_not_found()
    {
        var (child, error) = await _spawner.SpawnAsync(Request("sh -c true", ("PATH", _temp.Path)));

        child.Should().BeNull();
        error.Should().Be(new SpawnError(SpawnErrorKind.NotFound, "can't find command 'sh'"));
    }

    [Fact]
    public async Task The_last_path_in_the_environment_is_the_one_searched()
    {
        var (child, error) = await _spawner.SpawnAsync(
            Request("sh -c true", ("PATH", "/bin:/usr/bin"), ("PATH", _temp.Path))
        );

        child.Should().BeNull();
        error!.Kind.Should().Be(SpawnErrorKind.NotFound);
    }

    [Fact]
    public async Task A_script_whose_interpreter_is_missing_is_reported_as_not_found_by_posix_spawn()
    {
        var script = _temp["script"];
        File.WriteAllText(script, "#!/no/such/interpreter\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var (child, error) = await _spawner.SpawnAsync(Request($"{script} arg"));

        child.Should().BeNull();
        error.Should().Be(new SpawnError(SpawnErrorKind.NotFound, $"can't find command '{script}'"));
    }

    [Fact]
    public async Task A_file_that_is_no_program_is_refused_by_exec_with_its_errno_name()
    {
        var junk = _temp["junk"];
        File.WriteAllBytes(junk, [0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]);
        File.SetUnixFileMode(junk, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var (child, error) = await _spawner.SpawnAsync(Request(junk));

        child.Should().BeNull();
        error.Should().Be(new SpawnError(SpawnErrorKind.System, "couldn't spawn: ENOEXEC"));
    }

    [Fact]
    public async Task An_unparsable_command_is_refused_before_anything_is_created()
    {
        var (child, error) = await _spawner.SpawnAsync(Request("/bin/echo \"open"));

        child.Should().BeNull();
        error!.Kind.Should().Be(SpawnErrorKind.BadCommand);
        error.Message.Should().Be("can't parse command '/bin/echo \"open': No closing quotation");
    }

    private SpawnRequest Request(string command, params (string Name, string Value)[] environment) =>
        new(
            command,
            [
                .. ChildEnvironment.CurrentProcess().Where(e => e.Key != "PATH"),
                .. environment.Select(e => KeyValuePair.Create(e.Name, e.Value)),
            ],
            _temp.Path,
            null,
            null,
            null,
            RedirectStderr: true
        );
}
