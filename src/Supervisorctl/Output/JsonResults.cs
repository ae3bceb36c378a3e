using Supervise.Protocol;
using Supervise.Protocol.V1;

namespace Supervise.Supervisorctl.Output;

/// <summary>Collects per-process outcomes of start/stop/restart for `--json`, which prints them as one array.</summary>
internal sealed class JsonResults
{
    private readonly List<(string Action, string Name, Fault Fault, string Description, string Message)> _items = [];

    public string Action { get; set; } = "";

    public void Add(string namespec, Fault fault, string description, string message) =>
        _items.Add((Action, namespec, fault, description, message));

    public string Render() =>
        JsonOutput.Write(writer =>
        {
            writer.WriteStartArray();
            foreach (var item in _items)
            {
                writer.WriteStartObject();
                writer.WriteString("action", item.Action);
                writer.WriteString("name", item.Name);
                writer.WriteBoolean("ok", item.Fault == Fault.Success);
                writer.WriteString("fault", FaultNames.Of(item.Fault));
                writer.WriteString("description", item.Description);
                writer.WriteString("message", item.Message);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        });
}
