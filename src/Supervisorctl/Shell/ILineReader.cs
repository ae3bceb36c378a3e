namespace Supervise.Supervisorctl.Shell;

/// <summary>Reads the shell's command lines.</summary>
internal interface ILineReader
{
    /// <summary>Shows the prompt and reads one line: null at end of input.</summary>
    /// <exception cref="OperationCanceledException">Ctrl-C at the prompt, which ends Supervisor's shell.</exception>
    string? ReadLine(string prompt);
}
