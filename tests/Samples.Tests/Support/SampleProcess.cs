using System.Diagnostics;
using System.Text;

namespace Supervise.Samples.Tests.Support;

/// <summary>A sample binary started as a real process, its stdout and stderr collected for assertions.</summary>
public sealed class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private SampleProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static SampleProcess Start(string project, params string[] arguments)
    {
        var info = new ProcessStartInfo(Repo.Binary(project))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var sample = new SampleProcess(process);
        process.OutputDataReceived += (_, e) => Append(sample._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(sample._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sample;
    }

    public void Terminate() => Signals.Send(Pid, Signals.SIGTERM);

    /// <summary>Waits for the exit and for the end of both output streams; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
