using Supervise.Python;
using Supervise.Supervisord.Configuration.Model;
using Supervise.Supervisord.Configuration.Sources;

namespace Supervise.Supervisord.Configuration.Binding;

/// <summary>
/// <c>[inet_http_server]</c> and <c>[unix_http_server]</c> (<c>server_configs_from_parser</c>). Supervisor matches them
/// by prefix, so <c>[unix_http_server:two]</c> is a second server; the model has one of each, so the first is used and
/// any further one is validated and reported as ignored.
/// </summary>
internal static class ServerBinder
{
    public static InetHttpServerSettings? BindInet(
        RawConfig config,
        IReadOnlyDictionary<string, object> envNames,
        BindContext context
    )
    {
        InetHttpServerSettings? first = null;
        foreach (var section in config.SectionsStartingWith("inet_http_server"))
        {
            var r = new OptionReader(config, section, context.Bag);
            var (username, password) = Credentials(r, envNames);
            var port = r.Text("port", null, envNames);
            if (port is null && r.Raw("port") is null)
            {
                r.Error(null, "port", $"section [{Echo.Text(section.Name)}] has no port value");
                continue;
            }
            var address = port is null ? default : InetAddress(port);
            if (port is not null && !address.Ok)
            {
                r.Error(r.Raw("port"), "port", address.Error!);
            }
            if (!r.Failed && username is null)
            {
                // Supervisor serves it, unauthenticated. We start without it and say why, loudly (a WARN in the main
                // log and in --check): a TCP port without credentials lets anyone who can reach it control everything.
                r.Warning(
                    "port",
                    $"not opened: port={Echo.Text(port!)} has no username and password, and Supervise never serves TCP "
                        + $"without credentials (anyone who can reach the port could control every program); add username= and password= "
                        + $"to [{Echo.Text(section.Name)}] to open it. The daemon and its programs start as usual."
                );
            }
            else if (!r.Failed)
            {
                first = Keep(
                    first,
                    new InetHttpServerSettings(address.Value.Host, address.Value.Port, username, password),
                    r
                );
            }
        }
        return first;
    }

    public static UnixHttpServerSettings? BindUnix(
        RawConfig config,
        IReadOnlyDictionary<string, object> envNames,
        BindContext context
    )
    {
        UnixHttpServerSettings? first = null;
        var fileNames = Names.With(envNames, ("here", ""));
        foreach (var section in config.SectionsStartingWith("unix_http_server"))
        {
            var r = new OptionReader(config, section, context.Bag);
            var file = r.Text("file", null, fileNames);
            if (file is null && r.Raw("file") is null)
            {
                r.Error(null, "file", $"section [{Echo.Text(section.Name)}] has no file value");
                continue;
            }
            var (username, password) = Credentials(r, envNames);
            var chown = r.Text("chown", null, envNames);
            if (chown is not null && !UserDatabase.IsUserGroup(chown))
            {
                r.Error(r.Raw("chown"), "chown", $"Invalid sockchown value {Echo.Text(chown)}");
            }
            var chmod = r.Read(
                "chmod",
                "0700",
                envNames,
                text =>
                    ValueParsers.Octal(text) is { Ok: true } ok
                        ? ok
                        : Parsed<int>.Fail($"Invalid chmod value {Echo.Text(text)}"),
                0x1C0
            );
            var path = file is null ? null : SocketFile(r, PyText.Strip(file), context.Paths);
            if (!r.Failed && path is not null)
            {
                first = Keep(first, new UnixHttpServerSettings(path, chmod, chown, username, password), r);
            }
        }
        return first;
    }

    /// <summary>The absolute socket path, or null after an error: empty, or too long for AF_UNIX.</summary>
    private static string? SocketFile(OptionReader r, string file, PathValues paths)
    {
        if (file.Length == 0)
        {
            // Supervisor 4.2.5 binds its current directory, and loops "Unlinking stale socket" without starting anything.
            r.Error(r.Raw("file"), "file", "is empty; name the socket file, such as /run/supervisord.sock");
            return null;
        }
        var path = paths.Normalize(file);
        if (SocketPath.Problem(path) is { } problem)
        {
            r.Error(r.Raw("file"), "file", $"Cannot open an HTTP server: {problem}");
            return null;
        }
        return path;
    }

    private static T Keep<T>(T? first, T candidate, OptionReader r)
        where T : class
    {
        if (first is null)
        {
            return candidate;
        }
        r.Bag.Warning(r.Section, "", "only the first such server section is served; this one is ignored");
        return first;
    }

    private static (string? Username, string? Password) Credentials(
        OptionReader r,
        IReadOnlyDictionary<string, object> names
    )
    {
        var username = r.Text("username", null, names);
        var password = r.Text("password", null, names);
        if ((r.Raw("username") is null) != (r.Raw("password") is null))
        {
            r.Error(
                r.Raw("username") ?? r.Raw("password"),
                r.Raw("username") is null ? "password" : "username",
                $"Section [{Echo.Text(r.Section.Name)}] contains incomplete authentication: If a username or a password is specified, both the username and password must be specified"
            );
        }
        // Supervisor checks credentials only "if username:", so an empty username means none (the password is unused).
        return string.IsNullOrEmpty(username) ? (null, null) : (username, password);
    }

    /// <summary>inet_address: "port", ":port", "*:port" (every interface) or "host:port".</summary>
    public static Parsed<(string Host, int Port)> InetAddress(string text)
    {
        var host = "";
        var portText = text;
        var colon = text.LastIndexOf(':');
        Parsed<int> port;
        if (colon >= 0)
        {
            host = text[..colon].ToLowerInvariant();
            portText = text[(colon + 1)..];
            if (portText.Length == 0)
            {
                return Parsed<(string, int)>.Fail($"no port number specified in {Echo.Repr(portText)}");
            }
            port = PortNumber(portText);
        }
        else
        {
            port = PortNumber(text);
            if (!port.Ok)
            {
                return Parsed<(string, int)>.Fail($"not a valid port number: {Echo.Repr(text)} ");
            }
        }
        if (!port.Ok)
        {
            return Parsed<(string, int)>.Fail(port.Error!);
        }
        return (host == "*" ? "" : host, port.Value);
    }

    /// <summary>port_number: an integer from 1 to 65535.</summary>
    public static Parsed<int> PortNumber(string text)
    {
        var value = ValueParsers.Integer(text);
        return !value.Ok ? value
            : value.Value < 1 ? Parsed<int>.Fail($"{value.Value} is below lower bound (1)")
            : value.Value > 65535 ? Parsed<int>.Fail($"{value.Value} is above upper bound (65535)")
            : value;
    }
}
