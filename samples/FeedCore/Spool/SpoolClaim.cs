using Supervise.Samples.FeedCore.Jobs;

namespace Supervise.Samples.FeedCore.Spool;

/// <summary>A job this worker owns until it completes or fails it.</summary>
public sealed record SpoolClaim(Job Job, ClaimName Name, string Path);
