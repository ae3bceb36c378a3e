namespace Supervise.Supervisorctl.Commands;

/// <summary>
/// `completion bash|zsh` (not in Supervisor): prints a shell completion script for actions, global options and
/// process names. Names come from `supervisorctl status` run with the options already on the line.
/// </summary>
internal sealed class CompletionCommand : CtlCommand
{
    public override string Name => "completion";

    public override bool Listed => false;

    public override string Help =>
        "completion bash\tPrint a bash completion script (source <(supervisorctl completion bash))\n"
        + "completion zsh\tPrint a zsh completion script";

    public override Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        var actions = string.Join(' ', ctl.Commands.Vocabulary);
        switch (arg)
        {
            case "bash":
                ctl.Out.Write(CompletionScripts.Bash(actions));
                break;
            case "zsh":
                ctl.Out.Write(CompletionScripts.Zsh(actions));
                break;
            default:
                ctl.Output("Error: completion requires a shell name: bash or zsh");
                ctl.ExitStatus = ExitCodes.InvalidArgs;
                ctl.Output(Help);
                break;
        }
        return Task.FromResult(false);
    }
}
