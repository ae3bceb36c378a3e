using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Spawning;

/// <summary>
/// Starts children with posix_spawn in their own process group, fds 0/1/2 on fresh pipes. Programs with user= or
/// umask= go through the exec helper (a mode of this binary) because posix_spawn cannot change uid or umask.
/// posix_spawn blocks its caller until the child has exec'd, so spawns run on a few dedicated long-lived threads:
/// a crash-loop storm then never takes the thread pool away from the control service, and the spawning thread of a
/// child never exits while the child runs.
/// </summary>
public sealed class ProcessSpawner : IDisposable
{
    private readonly System.Collections.Concurrent.BlockingCollection<(
        SpawnRequest Request,
        TaskCompletionSource<(SpawnedChild?, SpawnError?)> Done
    )> _queue = [];

    public ProcessSpawner()
    {
        for (var i = 0; i < Math.Clamp(Environment.ProcessorCount, 1, 4); i++)
        {
            new Thread(Run) { IsBackground = true, Name = $"spawner-{i}" }.Start();
        }
    }

    public Task<(SpawnedChild? Child, SpawnError? Error)> SpawnAsync(SpawnRequest request)
    {
        var done = new TaskCompletionSource<(SpawnedChild?, SpawnError?)>(
            TaskCreationOptions.RunContinuationsAsynchronously
        );
        _queue.Add((request, done));
        return done.Task;
    }

    /// <summary>
    /// [supervisord] pdeathsig: the signal children get when the daemon dies (0, the default, for none). The spawning
    /// threads live as long as the daemon, so the kernel's "parent thread died" is "the daemon died".
    /// </summary>
    public int DeathSignal { get; set; }

    /// <summary>Lets the spawning threads end once the queue is empty.</summary>
    public void Dispose() => _queue.CompleteAdding();

    private void Run()
    {
        foreach (var (request, done) in _queue.GetConsumingEnumerable())
        {
            try
            {
                done.SetResult(Spawn(request));
            }
            catch (Exception exception)
            {
                done.SetResult((null, new SpawnError(SpawnErrorKind.System, $"couldn't spawn: {exception.Message}")));
            }
        }
    }

    public (SpawnedChild? Child, SpawnError? Error) Spawn(SpawnRequest request)
    {
        if (request.EnvironmentError is { } environmentError)
        {
            return (null, new SpawnError(SpawnErrorKind.System, environmentError));
        }
        var path = request.Environment.LastOrDefault(e => e.Key == "PATH").Value;
        var (file, argv, error) = CommandResolver.Resolve(request.Command, path);
        if (error is not null)
        {
            return (null, error);
        }

        var stdin = request.StdinFd >= 0 ? ((int Read, int Write)?)(request.StdinFd, -1) : Pipes.Create();
        var stdout = Pipes.Create();
        var stderr = request.RedirectStderr ? ((int Read, int Write)?)(-1, -1) : Pipes.Create();
        if (stdin is null || stdout is null || stderr is null)
        {
            CloseAll(stdin, stdout, stderr);
            return (null, new SpawnError(SpawnErrorKind.System, "too many open files to spawn"));
        }

        var envp = request.Environment.GroupBy(e => e.Key).Select(g => $"{g.Key}={g.Last().Value}").ToArray();
        var (spawnFile, spawnArgv, directory) = UsesHelper(request)
            ? ExecHelper.Wrap(file!, argv, request)
            : (file!, argv, request.Directory);
        (spawnFile, spawnArgv) = DeathSignalLauncher.Wrap(spawnFile, spawnArgv, DeathSignal);

        var stderrWrite = request.RedirectStderr ? stdout.Value.Write : stderr.Value.Write;
        var pid = PosixSpawn.Spawn(
            spawnFile,
            spawnArgv,
            envp,
            directory,
            stdin.Value.Read,
            stdout.Value.Write,
            stderrWrite
        );

        // The child holds its ends now; the parent keeps only stdin's write end and the read ends.
        if (request.StdinFd < 0)
        {
            Pipes.Close(stdin.Value.Read);
        }
        Pipes.Close(stdout.Value.Write);
        if (!request.RedirectStderr)
        {
            Pipes.Close(stderr.Value.Write);
        }
        if (pid < 0)
        {
            Pipes.Close(stdin.Value.Write);
            Pipes.Close(stdout.Value.Read);
            Pipes.Close(stderr.Value.Read);
            var message = -pid switch
            {
                Errno.EAGAIN => "Too many processes in process table to spawn",
                Errno.ENOENT => $"can't find command '{argv[0]}'",
                Errno.EACCES => $"no permission to run command '{argv[0]}'",
                var errno => $"couldn't spawn: {Errno.Name(errno)}",
            };
            return (
                null,
                new SpawnError(-pid == Errno.ENOENT ? SpawnErrorKind.NotFound : SpawnErrorKind.System, message)
            );
        }
        return (
            new SpawnedChild(
                pid,
                stdin.Value.Write,
                stdout.Value.Read,
                request.RedirectStderr ? -1 : stderr.Value.Read
            ),
            null
        );
    }

    // posix_spawn reports a failed chdir as the same ENOENT as a missing program; the helper fails the way Supervisor's
    // child does instead ("couldn't chdir to ...", exit 127, then BACKOFF).
    private static bool UsesHelper(SpawnRequest request) =>
        request.Uid is not null
        || request.Umask is not null
        || (request.Directory is not null && !Directory.Exists(request.Directory));

    private static void CloseAll(params (int Read, int Write)?[] pipes)
    {
        foreach (var pipe in pipes)
        {
            if (pipe is { } p)
            {
                Pipes.Close(p.Read);
                Pipes.Close(p.Write);
            }
        }
    }
}
