namespace Supervise.Supervisorctl.Commands;

/// <summary>do_open: switches to another server and shows its status, keeping the exit status from before.</summary>
internal sealed class OpenCommand : CtlCommand
{
    private readonly StatusCommand _status = new();

    public override string Name => "open";

    public override string Help =>
        "open <url>\tConnect to a remote supervisord process.\n\t\t(for UNIX domain socket, use unix:///socket/path)";

    public override async Task<bool> RunAsync(Controller ctl, string arg, CancellationToken cancellationToken)
    {
        var url = arg.Trim();
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? url[..colon].ToLowerInvariant() : "";
        if (scheme is not ("unix" or "http"))
        {
            ctl.Output("ERROR: url must be http:// or unix://");
            ctl.ExitStatus = ExitCodes.Generic;
            return false;
        }
        ctl.Session.ServerUrl = url;
        ctl.Reconnect();
        var before = ctl.ExitStatus;
        await _status.RunAsync(ctl, "", cancellationToken).ConfigureAwait(false);
        ctl.ExitStatus = before;
        return false;
    }
}
