namespace Supervise.Supervisord.Configuration.Model;

/// <summary>The <c>[unix_http_server]</c> section: the control socket.</summary>
/// <param name="Chmod">Socket file mode (default 0700).</param>
/// <param name="Chown">"user" or "user:group", or null to keep the daemon's.</param>
/// <param name="Password">Cleartext, or "{SHA}" followed by the hex SHA-1 of the password.</param>
public sealed record UnixHttpServerSettings(string File, int Chmod, string? Chown, string? Username, string? Password);

/// <summary>The <c>[inet_http_server]</c> section. An empty host means every interface.</summary>
public sealed record InetHttpServerSettings(string Host, int Port, string? Username, string? Password);

/// <summary>The <c>[supervisorctl]</c> section.</summary>
public sealed record CtlSettings(
    string ServerUrl,
    string? Username,
    string? Password,
    string Prompt,
    string? HistoryFile
);
