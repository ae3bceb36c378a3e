using System.Text.RegularExpressions;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// An <c>[fcgi-program:x]</c>: the program options plus socket (unix:///abs/path or tcp://host:port; expands
/// program_name, here and ENV_X), socket_backlog, socket_owner and socket_mode. Socket errors keep Supervisor's
/// tuple-shaped messages (a bug in its formatting that users may grep for).
/// </summary>
internal sealed partial class FcgiBinder(RawConfig config, BindContext context, ProgramBinder programs)
{
    /// <summary>socket.SOMAXCONN on Linux, Supervisor's default backlog.</summary>
    public const int DefaultBacklog = 4096;

    public void Bind(RawSection section, Dictionary<string, object> names, List<ProcessGroupConfig> groups)
    {
        var r = new OptionReader(config, section, context.Bag);
        var name = ValueParsers.Name(section.Name[(section.Name.IndexOf(':') + 1)..]);
        var programName = name.Ok ? name.Value : section.Name[(section.Name.IndexOf(':') + 1)..];
        var user = r.Text("user", null, names);
        var backlog = r.Raw("socket_backlog") is null
            ? DefaultBacklog
            : r.Read(
                "socket_backlog",
                "",
                names,
                text =>
                    ValueParsers.Integer(text) is { Ok: true } n && n.Value is < 1 or > 65535
                        ? Parsed<int>.Fail($"Invalid socket_backlog value {n.Value}")
                        : ValueParsers.Integer(text),
                DefaultBacklog
            );
        var owner = r.Text("socket_owner", null, names);
        if (owner is not null && !UserDatabase.IsUserGroup(owner))
        {
            r.Error(r.Raw("socket_owner"), "socket_owner", $"Invalid socket_owner value {Echo.Text(owner)}");
        }
        var mode = r.Raw("socket_mode") is null
            ? (int?)null
            : r.Read<int?>(
                "socket_mode",
                "",
                names,
                text =>
                    ValueParsers.Octal(text) is { Ok: true } m
                        ? m.Value
                        : Parsed<int?>.Fail($"Invalid socket_mode value {Echo.Text(text)}"),
                null
            );
        var socket = r.Text("socket", null, Names.With(names, ("program_name", programName)));
        FcgiSocketSettings? settings = null;
        if (string.IsNullOrEmpty(socket))
        {
            if (socket is not null || r.Raw("socket") is null)
            {
                r.Error(r.Raw("socket"), "socket", $"[{Echo.Text(section.Name)}] section requires a \"socket\" line");
            }
        }
        else
        {
            var parsed = ParseSocket(
                socket,
                backlog,
                owner ?? user,
                r.Raw("socket_owner") is not null || mode is not null,
                mode
            );
            if (parsed.Ok)
            {
                settings = parsed.Value;
            }
            else
            {
                r.Error(r.Raw("socket"), "socket", $"{parsed.Error} in [{Echo.Text(section.Name)}] socket");
            }
        }
        var (processes, priority) = programs.Bind(section, programName);
        if (processes is not null && settings is not null && !r.Failed)
        {
            groups.Add(
                new ProcessGroupConfig(
                    programName,
                    priority,
                    GroupKind.FcgiProgram,
                    processes.ToValueList(),
                    FcgiSocket: settings
                )
            );
        }
    }

    private Parsed<FcgiSocketSettings> ParseSocket(
        string socket,
        int backlog,
        string? owner,
        bool ownerOrModeGiven,
        int? mode
    )
    {
        if (socket.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = socket[7..];
            if (!path.StartsWith('/'))
            {
                return Parsed<FcgiSocketSettings>.Fail(
                    $"('Unix socket path %s is not an absolute path', {Echo.Repr(path)})"
                );
            }
            var normalized = context.Paths.Normalize(path);
            return SocketPath.Problem(normalized) is { } problem
                ? Parsed<FcgiSocketSettings>.Fail(problem)
                : new FcgiSocketSettings("unix://" + normalized, backlog, owner, mode ?? 0x1C0);
        }
        if (ownerOrModeGiven)
        {
            return Parsed<FcgiSocketSettings>.Fail(
                "socket_owner and socket_mode params should only be used with a Unix domain socket"
            );
        }
        var match = TcpSocket().Match(socket);
        if (!match.Success)
        {
            return Parsed<FcgiSocketSettings>.Fail($"('Bad socket format %s', {Echo.Repr(socket)})");
        }
        var port = ServerBinder.PortNumber(match.Groups[2].Value);
        return port.Ok
            ? new FcgiSocketSettings($"tcp://{match.Groups[1].Value.ToLowerInvariant()}:{port.Value}", backlog, null, 0)
            : Parsed<FcgiSocketSettings>.Fail(port.Error!);
    }

    [GeneratedRegex(@"^tcp://([^\s:]+):(\d+)$")]
    private static partial Regex TcpSocket();
}
