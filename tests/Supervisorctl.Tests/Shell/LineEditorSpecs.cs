using Supervise.Supervisorctl.Commands;
using Supervise.Supervisorctl.Shell;
using Supervise.Supervisorctl.Tests.Fakes;

namespace Supervise.Supervisorctl.Tests.Shell;

public sealed class LineEditorSpecs
{
    private static ConsoleKeyInfo Key(char c) => new(c, ConsoleKey.NoName, false, false, false);

    private static ConsoleKeyInfo Key(ConsoleKey key, bool control = false) => new('\0', key, false, false, control);

    private static IEnumerable<ConsoleKeyInfo> Typed(string text) => text.Select(Key);

    private static (string? Line, History History) Edit(
        IEnumerable<ConsoleKeyInfo> keys,
        Func<string, IReadOnlyList<string>>? complete = null,
        History? history = null
    )
    {
        var queue = new Queue<ConsoleKeyInfo>(keys);
        history ??= new History(null);
        var editor = new TerminalLineEditor(queue.Dequeue, TextWriter.Null, history, complete ?? (_ => []));
        return (editor.ReadLine("supervisor> "), history);
    }

    [Fact]
    public void Typed_text_with_edits_becomes_the_line_and_enters_history()
    {
        var (line, history) = Edit([
            .. Typed("statsu"),
            Key(ConsoleKey.Backspace),
            Key(ConsoleKey.Backspace),
            .. Typed("us"),
            Key(ConsoleKey.Home),
            Key(ConsoleKey.Delete),
            Key('S'),
            Key(ConsoleKey.Enter),
        ]);

        line.Should().Be("Status");
        history.Lines.Should().Equal("Status");
    }

    [Fact]
    public void Up_arrow_recalls_the_previous_line()
    {
        var history = new History(null);
        history.Add("status web");

        Edit([Key(ConsoleKey.UpArrow), Key(ConsoleKey.Enter)], history: history).Line.Should().Be("status web");
    }

    [Fact]
    public void Ctrl_d_on_an_empty_line_is_end_of_input_and_ctrl_c_interrupts()
    {
        Edit([Key(ConsoleKey.D, control: true)]).Line.Should().BeNull();

        var act = () => Edit([Key('x'), Key(ConsoleKey.C, control: true)]);

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Ctrl_w_and_ctrl_u_kill_text_before_the_cursor()
    {
        Edit([.. Typed("stop web"), Key(ConsoleKey.W, control: true), .. Typed("db"), Key(ConsoleKey.Enter)])
            .Line.Should()
            .Be("stop db");
        Edit([.. Typed("stop web"), Key(ConsoleKey.U, control: true), .. Typed("pid"), Key(ConsoleKey.Enter)])
            .Line.Should()
            .Be("pid");
    }

    [Fact]
    public void Tab_inserts_a_unique_completion_and_the_common_prefix_of_several()
    {
        var completer = new Completer(Controller(out _));

        Edit([.. Typed("st"), Key(ConsoleKey.Tab), Key(ConsoleKey.Enter)], completer.Complete).Line.Should().Be("st");
        Edit(
            [
                .. Typed("sto gr"),
                Key(ConsoleKey.Home),
                Key(ConsoleKey.RightArrow),
                Key(ConsoleKey.RightArrow),
                Key(ConsoleKey.RightArrow),
                Key(ConsoleKey.Tab),
                Key(ConsoleKey.Enter),
            ],
            completer.Complete
        )
            .Line.Should()
            .Be("stop  gr");
        Edit(
            [.. Typed("stat"), Key(ConsoleKey.Tab), .. Typed("we"), Key(ConsoleKey.Tab), Key(ConsoleKey.Enter)],
            completer.Complete
        )
            .Line.Should()
            .Be("status web ");
    }

    [Theory]
    [InlineData(
        "",
        new[]
        {
            "help ",
            "add ",
            "avail ",
            "clear ",
            "exit ",
            "fg ",
            "maintail ",
            "open ",
            "pid ",
            "quit ",
            "reload ",
            "remove ",
            "reread ",
            "restart ",
            "shutdown ",
            "signal ",
            "start ",
            "status ",
            "stop ",
            "tail ",
            "update ",
            "version ",
        }
    )]
    [InlineData("sh", new[] { "shutdown " })]
    [InlineData("help st", new[] { "start ", "status ", "stop " })]
    [InlineData("status ", new[] { "web ", "grp:a ", "grp:* ", "grp:b " })]
    [InlineData("stop grp:", new[] { "grp:a ", "grp:* ", "grp:b " })]
    [InlineData("tail w", new[] { "web " })]
    [InlineData("add ", new[] { "web ", "grp " })]
    [InlineData("reread ", new string[0])]
    public void Completion_offers_what_supervisors_shell_offers(string line, string[] expected)
    {
        new Completer(Controller(out _)).Complete(line).Should().Equal(expected);
    }

    [Fact]
    public void Completion_fetches_the_process_list_once_per_command()
    {
        var completer = new Completer(Controller(out var daemon));

        completer.Complete("status ");
        completer.Complete("stop ");

        daemon.Calls.Should().Equal("ListProcesses");
    }

    [Fact]
    public void History_survives_across_sessions_in_its_file()
    {
        var path = Path.Join(Directory.CreateTempSubdirectory("ctl-history-").FullName, "history");
        var first = new History(path);
        first.Add("status");
        first.Add("status");
        first.Add("tail -f web");
        first.Save();

        var second = new History(path);
        second.Load();

        second.Lines.Should().Equal("status", "tail -f web");
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    private static Controller Controller(out FakeSupervisor daemon)
    {
        var fake = new FakeSupervisor();
        fake.Processes.AddRange([Info.Running("web", 1), Info.Running("a", 2, "grp"), Info.Stopped("b", "grp")]);
        daemon = fake;
        return new Controller(
            new CtlSession { ServerUrl = "unix:///x" },
            CommandTable.Default(),
            _ => fake,
            TextWriter.Null,
            new ScriptedConsole(TextWriter.Null),
            TimeZoneInfo.Utc
        );
    }
}
