namespace Supervise.Supervisorctl.Commands;

/// <summary>The user's side of the terminal, for confirmations, credentials and fg input.</summary>
internal interface ICtlConsole
{
    /// <summary>Writes the prompt and reads a line; null at end of input.</summary>
    string? ReadLine(string prompt);

    /// <summary>Reads a line without echo (getpass).</summary>
    string? ReadSecret(string prompt);
}
