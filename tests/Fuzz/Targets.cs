namespace Supervise.Fuzz;

/// <summary>The fuzz targets by name, and the inputs saved for them (corpus and crashes), for the fuzzer and the specs.</summary>
public static class Targets
{
    public static readonly string[] Names = ["ini", "toml", "xmlrpc", "listener"];

    public static IFuzzTarget Create(string name) =>
        name switch
        {
            "ini" => new ConfigTarget(toml: false),
            "toml" => new ConfigTarget(toml: true),
            "xmlrpc" => new XmlRpcTarget(),
            "listener" => new ListenerTarget(),
            _ => throw new ArgumentException(
                $"unknown fuzz target '{name}' (known: {string.Join(", ", Names)})",
                nameof(name)
            ),
        };

    public static IEnumerable<byte[]> Inputs(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)
            : [];
}
