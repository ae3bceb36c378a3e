namespace Supervise.Supervisorctl.Commands;

/// <summary>
/// do_version: getSupervisorVersion. The daemon reports the Supervisor release it mirrors ("4.2.5"), which is what
/// scripts comparing versions expect; its own version is shown only when it mirrors none.
/// </summary>
internal sealed class VersionCommand : CtlCommand
{
    public override string Name => "version";

    public override string Help => "version\t\t\tShow the version of the remote supervisord process";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        if (arg.Length > 0)
        {
            ctl.Output("Error: version accepts no arguments");
            ctl.ExitStatus = ExitCodes.Generic;
            ctl.Output(Help);
            return false;
        }
        if (!await ctl.UpcheckAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        var version = await ctl.Client.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        ctl.Output(version.SupervisorVersion.Length > 0 ? version.SupervisorVersion : version.Version);
        return false;
    }
}
