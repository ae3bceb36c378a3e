namespace Supervise.Supervisord.Tests.Hosting;

/// <summary>Runs <see cref="MemoryTrimSpecs"/> with no other spec alongside, whose spawns would nudge the trim too.</summary>
[CollectionDefinition(nameof(MemoryTrimSpecs), DisableParallelization = true)]
public sealed class MemoryTrimCollection;
