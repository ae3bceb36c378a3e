using System.Diagnostics;
using System.Text;

namespace Supervise.Integration.Tests.Infrastructure;

/// <summary>
/// A real supervisord on a config of the spec's own, in a temp folder: started as <c>supervisord -n -c FILE</c>,
/// queried with the real supervisorctl, and stopped (with its process group killed) when the spec ends.
/// </summary>
public sealed class Daemon : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    private Daemon(string directory, string? configPath = null)
    {
        Directory = directory;
        ConfigPath = configPath ?? Path.Combine(directory, "supervisord.conf");
        SocketPath = Path.Combine(directory, "s.sock");
    }

    /// <summary>A daemon on an existing configuration whose socket and logs live under <paramref name="directory"/>.</summary>
    public static Daemon ForConfig(string directory, string configPath, string socketPath) =>
        new(directory, configPath) { SocketPath = socketPath };

    public string Directory { get; }

    public string ConfigPath { get; }

    public string SocketPath { get; private init; }

    public int Pid => _process?.Id ?? 0;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string TestChild => Binaries.TestChild;

    /// <summary>Variables added to the daemon's environment when it starts.</summary>
    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>Writes a config: the common head (socket, logs, pidfile in the folder) and then <paramref name="body"/>.</summary>
    public static Daemon WithConfig(string body, string supervisordExtra = "")
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("supervise-it-").FullName;
        var daemon = new Daemon(directory);
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "childlogs"));
        File.WriteAllText(
            daemon.ConfigPath,
            $"""
            [unix_http_server]
            file={directory}/s.sock

            [supervisord]
            logfile={directory}/supervisord.log
            pidfile={directory}/supervisord.pid
            childlogdir={directory}/childlogs
            loglevel=debug
            {supervisordExtra}

            [supervisorctl]
            serverurl=unix://{directory}/s.sock

            """
                + body.Replace("{W}", directory, StringComparison.Ordinal)
                    .Replace("{CHILD}", TestChild, StringComparison.Ordinal)
        );
        return daemon;
    }

    public async Task<Daemon> StartAsync(string extraArguments = "")
    {
        var info = new ProcessStartInfo(Binaries.Supervisord)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }
        info.ArgumentList.Add("-n");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(ConfigPath);
        foreach (var argument in extraArguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            info.ArgumentList.Add(argument);
        }
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.UntilAsync(
            async () => _process.HasExited || (File.Exists(SocketPath) && (await CtlAsync("pid")).ExitCode == 0),
            "the daemon answers on its socket",
            TimeSpan.FromSeconds(30)
        );
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"supervisord exited with {_process.ExitCode}:\n{Output}");
        }
        return this;
    }

    public Task<CtlResult> CtlAsync(params string[] arguments) => Ctl.RunAsync(ConfigPath, arguments);

    /// <summary>The state column of `status` for one process, or null.</summary>
    public async Task<string?> StateOfAsync(string name)
    {
        var result = await CtlAsync("status", name);
        var fields = result.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length >= 2 && fields[0] == name ? fields[1] : null;
    }

    public Task WaitForStateAsync(string name, string state, int seconds = 20) =>
        Eventually.UntilAsync(
            async () => await StateOfAsync(name) == state,
            $"{name} is {state}",
            TimeSpan.FromSeconds(seconds)
        );

    public void Signal(int signal) => Native.Kill(Pid, signal);

    public async Task<int> WaitForExitAsync(int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        await _process!.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public string ReadFile(string relative) => File.ReadAllText(Path.Combine(Directory, relative));

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            Native.Kill(_process.Id, 15);
            try
            {
                await WaitForExitAsync(20);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process?.Dispose();
        Native.KillMatching(Directory);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A straggler may still hold a log open; the temp folder is harmless.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
