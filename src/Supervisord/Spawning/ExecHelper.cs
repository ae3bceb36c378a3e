using Supervise.Supervisord.Platform;

namespace Supervise.Supervisord.Spawning;

/// <summary>
/// The exec helper: a mode of this binary (<c>supervisord --exec-helper UID UMASK DIR FILE ARGV...</c>, "-" for unset)
/// that does what posix_spawn cannot before it execs the program: initgroups, setgid, setuid, chdir and umask, in
/// Supervisor's order. Failures print Supervisor's messages to fd 2 and exit 127, so they land in the stderr log and
/// the process goes to BACKOFF exactly as under Supervisor.
/// </summary>
public static class ExecHelper
{
    public const string Flag = "--exec-helper";

    public static (string File, IReadOnlyList<string> Argv, string? Directory) Wrap(
        string file,
        IReadOnlyList<string> argv,
        SpawnRequest request
    )
    {
        var self =
            Environment.ProcessPath ?? throw new InvalidOperationException("cannot find the daemon's own executable");
        var helperArgv = new List<string>();
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            helperArgv.Add(self);
            helperArgv.Add(Path.Combine(AppContext.BaseDirectory, "supervisord.dll"));
        }
        else
        {
            helperArgv.Add(self);
        }
        helperArgv.Add(Flag);
        helperArgv.Add(request.Uid?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-");
        helperArgv.Add(request.Umask is { } umask ? Convert.ToString(umask, 8) : "-");
        helperArgv.Add(request.Directory ?? "-");
        helperArgv.Add(file);
        helperArgv.AddRange(argv);
        return (self, helperArgv, null);
    }

    /// <summary>Runs the helper mode; returns only on failure (with the exit status).</summary>
    public static int Run(string[] args)
    {
        if (args.Length < 6)
        {
            Fail("exec helper: missing arguments");
            return 127;
        }
        var (uid, umask, directory, file) = (args[1], args[2], args[3], args[4]);
        var argv = args[5..];

        // setuid clears the parent-death signal that the launcher set (prctl(2)): take it over the change.
        var deathSignal = ParentDeath.Current();
        var parent = ParentDeath.ParentPid;
        if (uid != "-" && !DropPrivileges(uint.Parse(uid, System.Globalization.CultureInfo.InvariantCulture)))
        {
            return 127;
        }
        if (deathSignal != 0 && (!ParentDeath.Arm(deathSignal) || ParentDeath.ParentPid != parent))
        {
            // The daemon died between setuid and the re-arm: nothing supervises this child any more.
            Fail("supervisor: the daemon exited before the program started");
            return 127;
        }
        if (directory != "-" && CurrentProcess.ChangeDirectory(directory) is not 0 and var chdirError)
        {
            Fail($"supervisor: couldn't chdir to {directory}: {Errno.Name(chdirError)}");
            return 127;
        }
        if (umask != "-")
        {
            CurrentProcess.SetUmask(Convert.ToInt32(umask, 8));
        }
        var execError = CurrentProcess.Exec(file, argv, Envp.Current());
        Fail($"supervisor: couldn't exec {argv[0]}: {Errno.Name(execError)}");
        return 127;
    }

    private static bool DropPrivileges(uint uid)
    {
        var error = Privileges.Drop(uid);
        if (error is not null)
        {
            Fail($"supervisor: couldn't setuid to {uid}: {error}");
        }
        return error is null;
    }

    private static void Fail(string message) =>
        CurrentProcess.WriteToStandardError(
            System.Text.Encoding.UTF8.GetBytes(message + "\nsupervisor: child process was not spawned\n")
        );
}
