using System.Text;
using Supervise.Supervisorctl.Commands;

namespace Supervise.Supervisorctl.Shell;

/// <summary>The real terminal for questions, credentials and fg input; secrets are read without echo on a terminal.</summary>
internal sealed class SystemConsole(TextWriter output) : ICtlConsole
{
    public string? ReadLine(string prompt)
    {
        output.Write(prompt);
        output.Flush();
        return Console.In.ReadLine();
    }

    public string? ReadSecret(string prompt)
    {
        if (Console.IsInputRedirected)
        {
            return ReadLine(prompt);
        }
        output.Write(prompt);
        output.Flush();
        var secret = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                output.Write('\n');
                return secret.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                secret.Length = Math.Max(0, secret.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }
    }
}
