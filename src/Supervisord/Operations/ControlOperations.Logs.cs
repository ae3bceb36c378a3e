using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Processes;

namespace Supervise.Supervisord.Operations;

/// <summary>Log reads, tails and clears (reference §4.5). Only configured log files are ever read.</summary>
public sealed partial class ControlOperations
{
    public static ChannelLog ChannelOf(SupervisedProcess process, bool stderr) =>
        stderr ? process.Stderr : process.Stdout;

    /// <summary>readProcessStdoutLog / readProcessStderrLog: Supervisor's readFile slice of the channel's log.</summary>
    public byte[] ReadProcessLog(string name, bool stderr, long offset, long length)
    {
        EnsureRunning();
        var log = ChannelOf(Process(name), stderr);
        if (log.IsAuto && log.File is null && log.Path is not null && !File.Exists(log.Path))
        {
            // An AUTO log before the first spawn: Supervisor created it (empty) at group add. Once the file was
            // opened, a missing file is the truth (removed): NO_FILE, as Supervisor answers.
            return [];
        }
        if (log.Path is null && log.TailContents() is { } held)
        {
            return LogSlices.Read(held, offset, length) ?? throw new SupervisorFault(FaultCode.BadArguments);
        }
        return Slice(log.Path, offset, length);
    }

    /// <summary>readLog: a slice of the main log.</summary>
    public byte[] ReadMainLog(long offset, long length)
    {
        EnsureRunning();
        return Slice(mainLog.File?.Path, offset, length);
    }

    /// <summary>
    /// tailProcessStdoutLog / tailProcessStderrLog (options.tailFile): the last <paramref name="length"/> bytes when the
    /// log grew past offset+length (overflow), and the log's size as the next offset. A missing log is ('', 0, false).
    /// </summary>
    public (byte[] Data, long Offset, bool Overflow) TailProcessLog(string name, bool stderr, long offset, long length)
    {
        EnsureRunning();
        var log = ChannelOf(Process(name), stderr);
        if (log.Path is null || !File.Exists(log.Path))
        {
            return ([], 0, false);
        }
        try
        {
            return LogSlices.TailFrom(log.Path, offset, length);
        }
        catch (IOException)
        {
            return ([], offset, false);
        }
    }

    /// <summary>
    /// The log a live tail follows: a process channel, or the main log when <paramref name="name"/> is null. BAD_NAME for
    /// an unknown process, NO_FILE for a channel that has nothing to tail (NONE that never wrote, or a missing file).
    /// </summary>
    public ChannelLog TailTarget(string? name, bool stderr)
    {
        var log = name is null ? mainLog.File : ChannelOf(Process(name), stderr);
        if (log is null || !log.HasTail || (log.Path is not null && !File.Exists(log.Path)))
        {
            throw new SupervisorFault(FaultCode.NoFile, log?.Path ?? name);
        }
        return log;
    }

    /// <summary>clearProcessLogs for each process of the target (clearAllProcessLogs for "all").</summary>
    public TargetOutcome ClearLogs(string target)
    {
        EnsureRunning();
        var (processes, single) = TargetResolver.Resolve(Registry, target);
        var results = new List<ProcessOutcome>(processes.Count);
        foreach (var process in processes)
        {
            try
            {
                process.Stdout.Clear();
                process.Stderr.Clear();
                results.Add(ProcessCommands.Ok(process));
            }
            catch (IOException)
            {
                results.Add(ProcessCommands.Outcome(process, FaultCode.Failed, "FAILED: " + process.Current.Namespec));
            }
        }
        return new TargetOutcome(results, single);
    }

    /// <summary>clearLog: empties the main log (Supervisor removes and reopens it).</summary>
    public void ClearMainLog()
    {
        EnsureRunning();
        if (mainLog.File is not { Path: { } path } log || !File.Exists(path))
        {
            throw new SupervisorFault(FaultCode.NoFile);
        }
        log.Clear();
    }

    private static byte[] Slice(string? path, long offset, long length)
    {
        if (path is null || !File.Exists(path))
        {
            // RPCError(NO_FILE, logfile): a log of NONE (None) gives the bare "NO_FILE".
            throw new SupervisorFault(FaultCode.NoFile, path);
        }
        try
        {
            return LogSlices.Read(path, offset, length) ?? throw new SupervisorFault(FaultCode.BadArguments);
        }
        catch (IOException exception)
        {
            throw new SupervisorFault(FaultCode.Failed, exception.Message);
        }
    }
}
