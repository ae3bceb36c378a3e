namespace Supervise.Supervisorctl.Shell;

/// <summary>
/// Lines from a pipe or file: the prompt is written as Python's input() writes it, with no echo or cursor control,
/// so a piped session prints what Supervisor's prints.
/// </summary>
internal sealed class PlainLineReader(TextReader input, TextWriter output) : ILineReader
{
    public string? ReadLine(string prompt)
    {
        output.Write(prompt);
        output.Flush();
        return input.ReadLine();
    }
}
