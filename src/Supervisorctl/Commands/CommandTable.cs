namespace Supervise.Supervisorctl.Commands;

/// <summary>The actions by name, in the order `help` lists them (alphabetical, as cmd.Cmd sorts do_ names).</summary>
internal sealed class CommandTable
{
    private readonly Dictionary<string, CtlCommand> _byName;

    public CommandTable(IEnumerable<CtlCommand> commands)
    {
        _byName = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);
        All = [.. _byName.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<CtlCommand> All { get; }

    public CtlCommand? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Every action Supervisor's shell knows, for completion: its do_ names plus help.</summary>
    public IEnumerable<string> Vocabulary => All.Where(c => c.Listed).Select(c => c.Name).Prepend("help").Distinct();

    public static CommandTable Default() =>
        new([
            new StatusCommand(),
            new StartCommand(),
            new StopCommand(),
            new RestartCommand(),
            new SignalCommand(),
            new PidCommand(),
            new TailCommand(),
            new MaintailCommand(),
            new FgCommand(),
            new ClearCommand(),
            new AvailCommand(),
            new RereadCommand(),
            new UpdateCommand(),
            new AddCommand(),
            new RemoveCommand(),
            new ReloadCommand(),
            new ShutdownCommand(),
            new VersionCommand(),
            new OpenCommand(),
            new HelpCommand(),
            new QuitCommand("quit"),
            new QuitCommand("exit"),
            new EofCommand(),
            new CompletionCommand(),
            new EventsCommand("events"),
            new EventsCommand("watch"),
            new TopCommand(),
        ]);
}
