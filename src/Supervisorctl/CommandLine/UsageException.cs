namespace Supervise.Supervisorctl.CommandLine;

/// <summary>A command-line or config error Supervisor reports through Options.usage: "Error: ..." and exit 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
