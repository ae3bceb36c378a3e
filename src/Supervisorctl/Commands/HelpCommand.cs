using Supervise.Supervisorctl.Output;

namespace Supervise.Supervisorctl.Commands;

/// <summary>do_help: the column list of actions, one action's help, `help help`, or "*** No help on x".</summary>
internal sealed class HelpCommand : CtlCommand
{
    public override string Name => "help";

    public override bool Listed => false;

    public override CompletionKind Completion => CompletionKind.Actions;

    public override string Help => "help\t\tPrint a list of available actions\nhelp <action>\tPrint help for <action>";

    public override Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (arg.Trim() == "help")
        {
            ctl.Output(Help);
        }
        else if (arg.Length > 0)
        {
            var command = ctl.Commands.Find(arg);
            ctl.Output(command is { Help.Length: > 0 } ? command.Help : $"*** No help on {arg}");
        }
        else
        {
            ctl.Output("");
            var header = "default commands (type help <topic>):";
            ctl.Out.Write(header + "\n" + new string('=', header.Length) + "\n");
            var names = ctl.Commands.All.Where(c => c.Listed).Select(c => c.Name).ToList();
            foreach (var line in Columns.Layout(names, 79))
            {
                ctl.Output(line);
            }
            ctl.Output("");
        }
        return Task.FromResult(false);
    }
}
