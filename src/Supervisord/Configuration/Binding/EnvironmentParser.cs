using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// Supervisor 4.2.5's dict_of_key_value_pairs for <c>environment=</c>: Python's non-POSIX shlex with the word
/// characters extended by <c>/.+-():</c>, read as KEY = VALUE triples each followed by one skipped token (assumed to be
/// a comma, never checked). Quotes around values are stripped. Its quirks are kept on purpose, so that a value reaches
/// the child exactly as under Supervisor: <c>A=x y</c> gives A=x, <c>A=http://x:1/p?q=1</c> gives A and q.
/// </summary>
internal static class EnvironmentParser
{
    public static Parsed<ValueList<EnvironmentVariable>> Parse(string text)
    {
        var tokens = NonPosixShlex.Tokens(text, out var error);
        if (error is not null)
        {
            return Parsed<ValueList<EnvironmentVariable>>.Fail(error);
        }
        var pairs = new List<EnvironmentVariable>();
        for (var i = 0; i < tokens.Count; i += 4)
        {
            if (i + 2 >= tokens.Count || tokens[i + 1] != "=")
            {
                return Parsed<ValueList<EnvironmentVariable>>.Fail(
                    $"Unexpected end of key/value pairs in value '{Echo.Text(text)}'"
                );
            }
            pairs = Set(pairs, tokens[i], tokens[i + 2].Trim('\'', '"'));
        }
        return pairs.ToValueList();
    }

    /// <summary>Python dict assignment: a repeated key keeps its first position and takes the last value.</summary>
    public static List<EnvironmentVariable> Set(List<EnvironmentVariable> pairs, string key, string value)
    {
        var index = pairs.FindIndex(p => p.Name == key);
        if (index >= 0)
        {
            pairs[index] = new EnvironmentVariable(key, value);
        }
        else
        {
            pairs.Add(new EnvironmentVariable(key, value));
        }
        return pairs;
    }

    /// <summary>Dict merge (<c>base.update(overrides)</c>).</summary>
    public static ValueList<EnvironmentVariable> Merge(
        IEnumerable<EnvironmentVariable> first,
        IEnumerable<EnvironmentVariable> overrides
    )
    {
        var merged = new List<EnvironmentVariable>(first);
        foreach (var pair in overrides)
        {
            Set(merged, pair.Name, pair.Value);
        }
        return merged.ToValueList();
    }
}
