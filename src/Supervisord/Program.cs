using Supervise.Supervisord.Configuration;
using Supervise.Supervisord.Hosting;
using Supervise.Supervisord.Platform;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord;

/// <summary>The composition root: command line, configuration, then the daemon (or the exec helper mode).</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // First: an inherited SIG_IGN for SIGCHLD would make the kernel discard every child's exit status.
        Signals.ResetChildSignal();
        if (args.Length > 0 && args[0] == ExecHelper.Flag)
        {
            return ExecHelper.Run(args);
        }
        if (ContainerInit.ShouldRun)
        {
            return ContainerInit.Run(args);
        }
        ContainerInit.ForgetMarker();

        var (options, error) = CommandLineOptions.Parse(args);
        if (options is null)
        {
            return Usage(error!);
        }
        if (options.ShowHelp)
        {
            Console.WriteLine(CommandLineOptions.Usage);
            return 0;
        }
        if (options.ShowVersion)
        {
            Console.WriteLine(Operations.DaemonVersion.Value);
            return 0;
        }

        var path = options.ConfigPath ?? ConfigLoader.Discover();
        if (path is null)
        {
            return Usage(ConfigDiscovery.NotFoundMessage());
        }
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            return Usage($"could not find config file {path}");
        }

        var loaded = ConfigOverrides.Apply(ConfigLoader.Load(path), options);
        if (options.Check)
        {
            var report = CheckReport.Format(loaded);
            (report.ExitCode == 0 ? Console.Out : Console.Error).Write(report.Text);
            return report.ExitCode;
        }
        if (!loaded.Succeeded)
        {
            // The same lines as --check prints: every error, each with its file, line, section and option.
            Console.Error.Write(CheckReport.Format(loaded).Text);
            Console.Error.WriteLine("For help, use supervisord -h");
            return 2;
        }
        if (!loaded.Config!.Daemon.Nodaemon && !options.Detached)
        {
            var pid = Detacher.Start([Environment.ProcessPath!, .. args, CommandLineOptions.DetachedFlag]);
            return pid > 0 ? 0 : Usage($"could not start the daemon: {Platform.Errno.Name(-pid)}");
        }
        if (DaemonProcess.Prepare(loaded.Config, options.Detached) is { } problem)
        {
            return Usage(problem);
        }
        InlineSocketCompletions.Enable();
        return new DaemonRunner(path, options).RunAsync(loaded).GetAwaiter().GetResult();
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"Error: {message}");
        Console.Error.WriteLine("For help, use supervisord -h");
        return 2;
    }
}
