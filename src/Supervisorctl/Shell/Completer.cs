using Supervise.Supervisorctl.Commands;

namespace Supervise.Supervisorctl.Shell;

/// <summary>
/// Supervisor's Controller.complete: actions for the first word and after `help`, group names after add, remove and
/// update, process names (`name`, `group:name`, `group:*`) after the process commands. ':' '*' '-' belong to words.
/// </summary>
internal sealed class Completer(Controller ctl)
{
    // readline's default delimiters without ':', '*' and '-', as Supervisor sets them.
    private const string Delimiters = " \t\n\"\\'`@$><=;|&{(";

    /// <summary>The start of the word being completed in <paramref name="line"/>.</summary>
    public static int WordStart(string line) => line.LastIndexOfAny(Delimiters.ToCharArray()) + 1;

    /// <summary>Completions (each with a trailing space) for the word that ends <paramref name="line"/>.</summary>
    public IReadOnlyList<string> Complete(string line)
    {
        var text = line[WordStart(line)..];
        if (line.Trim().Length == 0)
        {
            return Actions(text);
        }
        var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && !line.EndsWith(' '))
        {
            return Actions(text);
        }
        return ctl.Commands.Find(words[0])?.Completion switch
        {
            CompletionKind.Actions => Actions(text),
            CompletionKind.Groups => Groups(text),
            CompletionKind.Processes => Processes(text),
            _ => [],
        };
    }

    private List<string> Actions(string text) =>
        [.. ctl.Commands.Vocabulary.Where(a => a.StartsWith(text, StringComparison.Ordinal)).Select(a => a + " ")];

    private List<string> Groups(string text) =>
        [
            .. Infos()
                .Select(i => i.Group)
                .Distinct()
                .Where(g => g.StartsWith(text, StringComparison.Ordinal))
                .Select(g => g + " "),
        ];

    private List<string> Processes(string text)
    {
        var names = new List<string>();
        foreach (var info in Infos())
        {
            if (text.Contains(':', StringComparison.Ordinal) || info.Name != info.Group)
            {
                names.Add($"{info.Group}:{info.Name}");
                if (!names.Contains($"{info.Group}:*"))
                {
                    names.Add($"{info.Group}:*");
                }
            }
            else
            {
                names.Add(info.Name);
            }
        }
        return [.. names.Where(n => n.StartsWith(text, StringComparison.Ordinal)).Select(n => n + " ")];
    }

    private IReadOnlyList<Protocol.V1.ProcessInfo> Infos()
    {
        try
        {
            // Completion runs inside the synchronous key loop; the list is cached until the next command.
            return ctl.CompletionInfoAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception exception)
            when (exception is Grpc.Core.RpcException or InvalidOperationException or HttpRequestException)
        {
            return [];
        }
    }
}
