using Supervise.Supervisorctl.Client;
using Supervise.Supervisorctl.Output;

namespace Supervise.Supervisorctl.Commands;

/// <summary>cmd.Cmd's parseline/onecmd as Supervisor overrides them.</summary>
internal sealed partial class Controller
{
    /// <returns>True when the shell should stop.</returns>
    public async Task<bool> OneCmdAsync(string line, CancellationToken cancellationToken)
    {
        var (name, arg, text) = ParseLine(line);
        if (text.Length == 0)
        {
            return false;
        }
        _completeInfo = null;
        if (name is null || name.Length == 0 || Commands.Find(name) is not { } command)
        {
            Output($"*** Unknown syntax: {text}");
            ExitStatus = ExitCodes.Generic;
            return false;
        }

        try
        {
            try
            {
                return await command.RunAsync(this, arg, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
                when (TransportFailure.Classify(exception) == TransportFailureKind.Unauthenticated)
            {
                Output("Server requires authentication");
                if (Session.Interactive)
                {
                    Session.Username = Console.ReadLine("Username:") ?? "";
                    Session.Password = Console.ReadSecret("Password:") ?? "";
                    Output("");
                    Reconnect();
                    return await OneCmdAsync(text, cancellationToken).ConfigureAwait(false);
                }
                ExitStatus = ExitCodes.Generic;
            }
            // Supervisor runs the action once more after the 401 message; it fails again and reports the error.
            await command.RunAsync(this, arg, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Output("");
            ExitStatus = ExitCodes.Generic;
        }
        catch (Exception exception)
        {
            Output(ErrorLine.For(exception, Session.ServerUrl));
            ExitStatus = ExitCodes.Generic;
        }
        return false;
    }

    /// <summary>cmd.Cmd.parseline: '?' means help, the action is the leading run of identifier characters.</summary>
    internal static (string? Name, string Arg, string Line) ParseLine(string line)
    {
        line = line.Trim();
        if (line.Length == 0)
        {
            return (null, "", line);
        }
        if (line[0] == '?')
        {
            line = "help " + line[1..];
        }
        else if (line[0] == '!')
        {
            return (null, "", line);
        }
        var end = 0;
        while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] == '_'))
        {
            end++;
        }
        return (line[..end], line[end..].Trim(), line);
    }
}
