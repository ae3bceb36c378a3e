namespace Supervise.Supervisorctl.CommandLine;

/// <summary>
/// Python's getopt.getopt over supervisorctl's options, because its rules decide what a script's command line
/// means: options end at the first word that is not one (so `tail -100 x` keeps `-100` for tail), short options
/// bundle (`-ic f`), values attach (`-sURL`, `--serverurl=URL`) and long options may be abbreviated to a unique
/// prefix (`--server`). Errors use getopt's wording.
/// </summary>
internal static class GetoptScanner
{
    // Short options as Supervisor registers them: a trailing ':' takes a value.
    private const string ShortOptions = "h?c:is:u:p:r:";

    // Long options; a trailing '=' takes a value.
    private static readonly string[] LongOptions =
    [
        "help",
        "configuration=",
        "interactive",
        "serverurl=",
        "username=",
        "password=",
        "history_file=",
    ];

    /// <summary>Splits the arguments into options (as "-c" or "--configuration" with their values) and the rest.</summary>
    /// <exception cref="UsageException">getopt's "option -x not recognized" and friends.</exception>
    public static (IReadOnlyList<(string Option, string? Value)> Options, IReadOnlyList<string> Operands) Scan(
        IReadOnlyList<string> args
    )
    {
        var options = new List<(string, string?)>();
        var index = 0;
        while (index < args.Count && args[index].StartsWith('-') && args[index] != "-")
        {
            var arg = args[index++];
            if (arg == "--")
            {
                break;
            }
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                options.Add(Long(arg[2..], args, ref index));
            }
            else
            {
                Short(arg[1..], args, ref index, options);
            }
        }
        return (options, args.Skip(index).ToList());
    }

    private static (string, string?) Long(string text, IReadOnlyList<string> args, ref int index)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? text : text[..equals];
        var value = equals < 0 ? null : text[(equals + 1)..];
        var (option, takesValue) = MatchLong(name);
        if (takesValue && value is null)
        {
            if (index >= args.Count)
            {
                throw new UsageException($"option --{option} requires argument");
            }
            value = args[index++];
        }
        else if (!takesValue && value is not null)
        {
            throw new UsageException($"option --{option} must not have an argument");
        }
        return ($"--{option}", value);
    }

    private static (string Name, bool TakesValue) MatchLong(string name)
    {
        if (LongOptions.FirstOrDefault(o => o.TrimEnd('=') == name) is { } exact)
        {
            return (name, exact.EndsWith('='));
        }
        var candidates = LongOptions.Where(o => o.StartsWith(name, StringComparison.Ordinal)).ToList();
        return candidates.Count switch
        {
            0 => throw new UsageException($"option --{name} not recognized"),
            1 => (candidates[0].TrimEnd('='), candidates[0].EndsWith('=')),
            _ => throw new UsageException($"option --{name} not a unique prefix"),
        };
    }

    private static void Short(
        string cluster,
        IReadOnlyList<string> args,
        ref int index,
        List<(string, string?)> options
    )
    {
        for (var i = 0; i < cluster.Length; i++)
        {
            var letter = cluster[i];
            var at = ShortOptions.IndexOf(letter, StringComparison.Ordinal);
            if (at < 0 || letter == ':')
            {
                throw new UsageException($"option -{letter} not recognized");
            }
            if (at + 1 < ShortOptions.Length && ShortOptions[at + 1] == ':')
            {
                string value;
                if (i + 1 < cluster.Length)
                {
                    value = cluster[(i + 1)..];
                }
                else if (index < args.Count)
                {
                    value = args[index++];
                }
                else
                {
                    throw new UsageException($"option -{letter} requires argument");
                }
                options.Add(($"-{letter}", value));
                return;
            }
            options.Add(($"-{letter}", null));
        }
    }
}
