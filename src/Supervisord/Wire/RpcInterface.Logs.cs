using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Wire;

/// <summary>
/// Log reads, tails and clears. Log bytes become XML-safe text here and only here (invalid UTF-8 and characters XML
/// cannot carry become U+FFFD, where Supervisor's reply fails); offsets stay byte offsets of the file.
/// </summary>
public sealed partial class RpcInterface
{
    private void AddLogMethods()
    {
        Add("supervisor.readLog", 2, a => Text(_operations.ReadMainLog(a.Int(0), a.Int(1))));
        Add("supervisor.readMainLog", 2, a => Text(_operations.ReadMainLog(a.Int(0), a.Int(1))));
        Add(
            "supervisor.clearLog",
            0,
            _ =>
            {
                _operations.ClearMainLog();
                return true;
            }
        );
        foreach (var (name, stderr) in new[] { ("Stdout", false), ("", false), ("Stderr", true) })
        {
            Add(
                $"supervisor.readProcess{name}Log",
                3,
                a => Text(_operations.ReadProcessLog(a.Text(0), stderr, a.Int(1), a.Int(2)))
            );
            Add(
                $"supervisor.tailProcess{name}Log",
                3,
                a =>
                {
                    var (data, offset, overflow) = _operations.TailProcessLog(a.Text(0), stderr, a.Int(1), a.Int(2));
                    // Supervisor sends the size uncapped (a log over 2 GiB breaks its reply); ours caps it.
                    return new XmlRpcArray([Text(data), ProcessInfoStruct.Capped(offset), overflow]);
                }
            );
        }
        Add("supervisor.clearProcessLogs", 1, a => ClearOne(a.Text(0)));
        Add("supervisor.clearProcessLog", 1, a => ClearOne(a.Text(0)));
        Add(
            "supervisor.clearAllProcessLogs",
            0,
            _ => new XmlRpcArray([.. _operations.ClearLogs("all").Results.Select(Result)])
        );
    }

    private XmlRpcValue ClearOne(string name)
    {
        var process = _operations.Process(name);
        var outcome = _operations.ClearLogs(process.Current.Namespec).Results[0];
        return outcome.Succeeded ? true : throw Operations.SupervisorFault.Of(outcome);
    }

    private static XmlRpcString Text(byte[] data) => new(XmlText.DecodeLog(data));
}
