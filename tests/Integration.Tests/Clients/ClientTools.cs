using System.Net;
using System.Net.Sockets;

namespace Supervise.Integration.Tests.Clients;

/// <summary>
/// Where the real clients are once install-clients.sh (run by .ci/run) has installed them: Debian's packages under
/// /usr/bin, the npm package and the superlance venv under SUPERVISE_CLIENTS (default /tmp/supervise-clients).
/// </summary>
public static class ClientTools
{
    public const string Setup = "tests/Integration.Tests/Clients/install-clients.sh";

    public static string Root { get; } =
        Environment.GetEnvironmentVariable("SUPERVISE_CLIENTS") is { Length: > 0 } root
            ? root
            : "/tmp/supervise-clients";

    public const string NodeExporter = "/usr/bin/prometheus-node-exporter";

    public const string Ansible = "/usr/bin/ansible";

    public const string Node = "/usr/bin/node";

    public static string NodeModules => Path.Combine(Root, "node/node_modules");

    public static string Superlance => Path.Combine(Root, "superlance-venv/bin");

    /// <summary>Debian's python3, whose dist-packages hold supervisor.childutils (the pyenv shim on PATH does not).</summary>
    public const string DebianPython = "/usr/bin/python3";

    /// <summary>Why a client cannot run here, or null when it can.</summary>
    public static string? Missing(Client client) =>
        client switch
        {
            Client.NodeExporter when !File.Exists(NodeExporter) => "needs prometheus-node-exporter (Debian; "
                + Setup
                + " installs it)",
            Client.Ansible when !File.Exists(Ansible) => "needs ansible with community.general (Debian; "
                + Setup
                + " installs it)",
            Client.NpmSupervisord
                when !File.Exists(Node) || !File.Exists(Path.Combine(NodeModules, "supervisord/package.json")) =>
                $"needs node and the npm package supervisord@0.1.0 in {NodeModules} ({Setup} installs them)",
            Client.Superlance when !File.Exists(Path.Combine(Superlance, "memmon")) =>
                $"needs superlance 2.0.0 in the venv {Superlance} ({Setup} installs it from the shared wheels)",
            Client.Childutils when !File.Exists("/usr/lib/python3/dist-packages/supervisor/childutils.py") =>
                "needs Debian's supervisor package (supervisor.childutils)",
            Client.PythonCtl when !Infrastructure.PythonCtl.Present =>
                "needs Python's supervisorctl (apt-get install supervisor)",
            _ => null,
        };

    /// <summary>A file a child writes under the daemon's folder, or "" while it does not exist yet.</summary>
    public static string ReadIfAny(Infrastructure.Daemon daemon, string relative) =>
        File.Exists(Path.Combine(daemon.Directory, relative)) ? daemon.ReadFile(relative) : "";

    /// <summary>A TCP port nothing listens on right now (the kernel's pick).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
