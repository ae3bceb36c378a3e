using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Tests.Processes;

/// <summary>env_files= syntax (systemd EnvironmentFile / dotenv) and how the files reach the spawn request.</summary>
public sealed class EnvFileSpecs : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("supervise-envfile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Parser_reads_comments_export_quotes_escapes_and_continuations()
    {
        var (variables, error) = EnvFileParser.Parse(
            """
            # a comment
            ; another
            A=plain value  
            export B=exported
            C='single $literal \n'
            D="double \"quoted\" \$x\nnext"
            E="multi
            line"
            F=joined \
              line
            G=
            H=with # hash
            """
        );

        error.Should().BeNull();
        variables!
            .Should()
            .Equal(
                new("A", "plain value"),
                new("B", "exported"),
                new("C", @"single $literal \n"),
                new("D", "double \"quoted\" $x\nnext"),
                new("E", "multi\nline"),
                new("F", "joined line"),
                new("G", ""),
                new("H", "with # hash")
            );
    }

    [Theory]
    [InlineData("just words", "line 1: expected NAME=value, got 'just words'")]
    [InlineData("OK=1\n1BAD=2", "line 2: expected NAME=value, got '1BAD=2'")]
    [InlineData("A=\"never closed", "line 1: the double quote is never closed")]
    [InlineData("A='x' tail", "line 1: unexpected text after the closing quote: 'tail'")]
    public void Parser_names_the_line_of_an_error(string text, string message) =>
        EnvFileParser.Parse(text).Error.Should().Be(message);

    [Fact]
    public void Files_are_read_at_each_request_under_environment_which_wins()
    {
        var file = Path.Combine(_dir, "app.env");
        File.WriteAllText(file, "TOKEN=one\nSHARED=from-file\n");
        var config = TestConfigs.Program("web") with
        {
            Environment = new ValueList<EnvironmentVariable>([new("SHARED", "from-environment")]),
            EnvFiles = new ValueList<EnvFileRef>([new(file, false), new(Path.Combine(_dir, "missing.env"), true)]),
        };
        var environment = new ChildEnvironment([], null);

        var first = environment.CreateRequest(config, "web");
        File.WriteAllText(file, "TOKEN=rotated\n");
        var second = environment.CreateRequest(config, "web");

        first.EnvironmentError.Should().BeNull();
        Last(first, "TOKEN").Should().Be("one");
        Last(first, "SHARED").Should().Be("from-environment");
        Last(second, "TOKEN").Should().Be("rotated");
    }

    [Fact]
    public void A_missing_required_file_is_a_spawn_error_in_supervisors_words()
    {
        var missing = Path.Combine(_dir, "missing.env");
        var config = TestConfigs.Program("web") with { EnvFiles = new ValueList<EnvFileRef>([new(missing, false)]) };

        var request = new ChildEnvironment([], null).CreateRequest(config, "web");

        request.EnvironmentError.Should().Be($"can't find env file '{missing}'");
    }

    private static string? Last(global::Supervise.Supervisord.Spawning.SpawnRequest request, string name) =>
        request.Environment.LastOrDefault(e => e.Key == name).Value;
}
