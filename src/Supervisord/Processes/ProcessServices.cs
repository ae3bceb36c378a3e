using Microsoft.Extensions.Logging;
using Supervise.Supervisord.Logging;
using Supervise.Supervisord.Spawning;

namespace Supervise.Supervisord.Processes;

/// <summary>
/// The operating-system services every process actor uses, fixed for the life of a registry: the spawner, the reaper,
/// the output reactor, the signal sender, the environment children inherit, the clock and the main log. Immutable:
/// what changes while the daemon runs (whether exits may restart) and who hears of spawns and reaps are separate,
/// explicit dependencies of the registry (<see cref="RestartGate"/>, <see cref="IProcessLifecycle"/>).
/// </summary>
/// <param name="Signals">Signals for the actors' children; specs replace it to make a kill fail.</param>
/// <param name="StripAnsi">[supervisord] strip_ansi: remove ANSI escapes from child output before logging.</param>
public sealed record ProcessServices(
    ProcessSpawner Spawner,
    Reaper Reaper,
    OutputReactor Output,
    ISignalSender Signals,
    ChildEnvironment Environment,
    TimeProvider Time,
    ILogger Logger,
    bool StripAnsi = false
);
