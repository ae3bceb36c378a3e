using Supervise.Supervisord.Configuration.Model;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>Builds the expansion dictionaries (string or int values) that options are expanded with.</summary>
internal static class Names
{
    /// <summary>ENV_X for every variable of <paramref name="environment"/>.</summary>
    public static Dictionary<string, object> FromEnvironment(IEnumerable<KeyValuePair<string, string>> environment)
    {
        var names = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in environment)
        {
            names["ENV_" + key] = value;
        }
        return names;
    }

    public static Dictionary<string, object> With(
        IReadOnlyDictionary<string, object> names,
        params (string Key, object Value)[] extra
    )
    {
        var copy = new Dictionary<string, object>(names, StringComparer.Ordinal);
        foreach (var (key, value) in extra)
        {
            copy[key] = value;
        }
        return copy;
    }

    public static Dictionary<string, object> WithEnvironment(
        IReadOnlyDictionary<string, object> names,
        IEnumerable<EnvironmentVariable> variables
    )
    {
        var copy = new Dictionary<string, object>(names, StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            copy["ENV_" + variable.Name] = variable.Value;
        }
        return copy;
    }
}
