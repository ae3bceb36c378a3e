using Supervise.Supervisorctl.Commands;

namespace Supervise.Supervisorctl.Tests.Fakes;

/// <summary>Answers questions from a script of lines and writes each prompt to the output, as a terminal shows it.</summary>
internal sealed class ScriptedConsole(TextWriter output, params string[] answers) : ICtlConsole
{
    private readonly Queue<string> _answers = new(answers);

    public List<string> Prompts { get; } = [];

    public string? ReadLine(string prompt)
    {
        Prompts.Add(prompt);
        output.Write(prompt);
        return _answers.TryDequeue(out var answer) ? answer : null;
    }

    public string? ReadSecret(string prompt) => ReadLine(prompt);
}
