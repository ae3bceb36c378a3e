using System.Text;

namespace Supervise.Supervisord.Tests.Configuration;

/// <summary>
/// Byte-level mutations of a configuration text, each a kind of input that once reached the loader's catch-all or
/// made a report unbounded: NUL bytes, truncation, emptied values, huge values, long paths, duplicated sections and
/// random bytes. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed class ConfigMutator(Random random)
{
    private static readonly string[] Fragments =
    [
        "\0",
        "%(",
        "%(here)s",
        "%(ENV_NOPE)s",
        "%",
        "[",
        "]",
        "\n",
        "=",
        ":",
        ";",
        "#",
        "\"",
        "'",
        "\\\n",
        "unix://",
        "~",
        "*",
        "/",
    ];

    /// <summary>One to three mutations of <paramref name="text"/>, and what they were (for a failure message).</summary>
    public (byte[] Bytes, string Description) Mutate(string text)
    {
        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text));
        var applied = new List<string>();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            applied.Add(MutateOnce(bytes));
        }
        return ([.. bytes], string.Join(", ", applied));
    }

    private string MutateOnce(List<byte> bytes)
    {
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (random.Next(9))
        {
            case 0:
                bytes.Insert(at, 0);
                return $"NUL at {at}";
            case 1:
                bytes.RemoveRange(at, bytes.Count - at);
                return $"truncated at {at}";
            case 2:
                return EmptyValue(bytes);
            case 3:
                return HugeValue(bytes);
            case 4:
                return LongPath(bytes);
            case 5:
                return DuplicateSection(bytes);
            case 6:
                var junk = new byte[random.Next(1, 9)];
                random.NextBytes(junk);
                bytes.InsertRange(at, junk);
                return $"{junk.Length} random bytes at {at}";
            case 7:
                var fragment = Fragments[random.Next(Fragments.Length)];
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(fragment));
                return $"{Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(fragment)).Replace("\0", "\\0").Replace("\n", "\\n")} at {at}";
            default:
                if (bytes.Count > 0)
                {
                    bytes[at] = (byte)random.Next(256);
                }
                return $"byte {at} replaced";
        }
    }

    /// <summary>The value after the n-th '=' of a line, up to its end, is removed.</summary>
    private string EmptyValue(List<byte> bytes)
    {
        var (start, end) = Value(bytes);
        if (start < 0)
        {
            return "no value to empty";
        }
        bytes.RemoveRange(start, end - start);
        return $"value at {start} emptied";
    }

    private string HugeValue(List<byte> bytes)
    {
        var (start, end) = Value(bytes);
        if (start < 0)
        {
            return "no value to grow";
        }
        // Mostly 1-64 KB, sometimes a whole megabyte: Supervisor's loader echoes such values whole.
        var length = random.Next(20) == 0 ? 1024 * 1024 : random.Next(1024, 64 * 1024);
        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Enumerable.Repeat((byte)'a', length));
        return $"value at {start} is {length} bytes";
    }

    /// <summary>A value becomes a path of 100 to 300 characters: around and past the AF_UNIX limit.</summary>
    private string LongPath(List<byte> bytes)
    {
        var (start, end) = Value(bytes);
        if (start < 0)
        {
            return "no value for a long path";
        }
        var length = random.Next(100, 300);
        var path = "%(here)s/" + new string('p', length);
        bytes.RemoveRange(start, end - start);
        bytes.InsertRange(start, Encoding.UTF8.GetBytes(path));
        return $"value at {start} is a {length}-character path";
    }

    private string DuplicateSection(List<byte> bytes)
    {
        var text = Encoding.UTF8.GetString([.. bytes]);
        var headers = Enumerable
            .Range(0, text.Length)
            .Where(i => text[i] == '[' && (i == 0 || text[i - 1] == '\n'))
            .ToList();
        if (headers.Count == 0)
        {
            return "no section to duplicate";
        }
        var index = random.Next(headers.Count);
        var start = headers[index];
        var end = index + 1 < headers.Count ? headers[index + 1] : text.Length;
        var block = Encoding.UTF8.GetBytes("\n" + text[start..end]);
        bytes.AddRange(block);
        return $"section at {start} duplicated";
    }

    /// <summary>A random value's byte range (after "=" up to the line end), or (-1, -1).</summary>
    private (int Start, int End) Value(List<byte> bytes)
    {
        var equals = Enumerable.Range(0, bytes.Count).Where(i => bytes[i] == (byte)'=').ToList();
        if (equals.Count == 0)
        {
            return (-1, -1);
        }
        var start = equals[random.Next(equals.Count)] + 1;
        var end = bytes.IndexOf((byte)'\n', start);
        return (start, end < 0 ? bytes.Count : end);
    }
}
