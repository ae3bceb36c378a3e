using Supervise.Supervisord.Operations;
using Supervise.Supervisord.Wire.XmlRpc;

namespace Supervise.Supervisord.Wire;

/// <summary>The daemon's status and lifecycle methods, and the process and config info structs.</summary>
public sealed partial class RpcInterface
{
    private void AddStatusMethods()
    {
        // getVersion is 4.2.5's deprecated alias of getAPIVersion; Python's supervisorctl insists on "3.0".
        Add("supervisor.getAPIVersion", 0, _ => DaemonVersion.Api);
        Add("supervisor.getVersion", 0, _ => DaemonVersion.Api);
        Add("supervisor.getSupervisorVersion", 0, _ => DaemonVersion.Supervisor);
        Add("supervisor.getIdentification", 0, _ => _operations.Identification);
        Add(
            "supervisor.getState",
            0,
            _ =>
                Struct(
                    ("statecode", (int)_operations.Mood),
                    ("statename", _operations.Mood.ToString().ToUpperInvariant())
                )
        );
        Add("supervisor.getPID", 0, _ => Environment.ProcessId);
        Add(
            "supervisor.shutdown",
            0,
            _ =>
            {
                _operations.Shutdown();
                return true;
            }
        );
        Add(
            "supervisor.restart",
            0,
            _ =>
            {
                _operations.Reload();
                return true;
            }
        );
        Add(
            "supervisor.reloadConfig",
            0,
            _ =>
            {
                var (added, changed, removed) = _operations.Reread();
                return new XmlRpcArray([new XmlRpcArray([Strings(added), Strings(changed), Strings(removed)])]);
            }
        );
        Add(
            "supervisor.addProcessGroup",
            1,
            1,
            async (a, _) =>
            {
                await _operations.AddGroupAsync(a.Text(0)).ConfigureAwait(false);
                return true;
            }
        );
        Add(
            "supervisor.removeProcessGroup",
            1,
            1,
            async (a, _) =>
            {
                await _operations.RemoveGroupAsync(a.Text(0)).ConfigureAwait(false);
                return true;
            }
        );
        Add(
            "supervisor.getProcessInfo",
            1,
            a => ProcessInfoStruct.Of(_operations.Process(a.Text(0)), _operations.Time.GetUtcNow())
        );
        Add(GetAllProcessInfo, 0, _ => _allInfo.Get(_operations.Processes, _operations.Time.GetUtcNow()));
        Add("supervisor.getAllConfigInfo", 0, _ => ConfigInfoStruct.All(_operations));
    }

    private static XmlRpcArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (XmlRpcValue)v)]);

    internal static XmlRpcStruct Struct(params ReadOnlySpan<(string Key, XmlRpcValue Value)> members)
    {
        // getAllProcessInfo builds one per process: an array of the members' own size, and nothing else.
        var array = new KeyValuePair<string, XmlRpcValue>[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            array[i] = KeyValuePair.Create(members[i].Key, members[i].Value);
        }
        return new XmlRpcStruct(array);
    }
}
