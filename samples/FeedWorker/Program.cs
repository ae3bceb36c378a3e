using System.CommandLine;
using Supervise.Samples.FeedCore;
using Supervise.Samples.FeedCore.Spool;
using Supervise.Samples.FeedWorker;
using Supervise.Samples.FeedWorker.Digest;
using Supervise.Samples.FeedWorker.Feeds;

// FeedWorker: takes read_data / publish_data jobs from a spool directory until SIGTERM, then exits 0.
var spool = new Option<string>("--spool") { Description = "Spool directory (the job queue)", Required = true };
var cache = new Option<string>("--cache") { Description = "Folder for the per-feed JSON cache", Required = true };
var digest = new Option<string>("--digest") { Description = "Digest file to write (.md or .html)", Required = true };
var name = new Option<string?>("--name")
{
    Description = "Worker name in logs and claims (default: $SUPERVISOR_PROCESS_NAME)",
};
var lease = new Option<int>("--lease")
{
    Description = "Seconds after which another worker's claim is presumed abandoned",
    DefaultValueFactory = _ => 300,
};
var sweep = new Option<double>("--sweep")
{
    Description = "Seconds between stale-claim sweeps (also the fallback wake-up)",
    DefaultValueFactory = _ => 5,
};

var root = new RootCommand("Feed worker of the Supervise sample stack") { spool, cache, digest, name, lease, sweep };
root.SetAction(
    async (parsed, _) =>
    {
        var options = new WorkerOptions(
            parsed.GetValue(spool)!,
            parsed.GetValue(cache)!,
            parsed.GetValue(digest)!,
            parsed.GetValue(name)
                ?? Environment.GetEnvironmentVariable("SUPERVISOR_PROCESS_NAME")
                ?? $"worker-{Environment.ProcessId}",
            TimeSpan.FromSeconds(parsed.GetValue(lease)),
            TimeSpan.FromSeconds(parsed.GetValue(sweep))
        );
        var time = TimeProvider.System;
        using var signals = new TerminationSignals();
        using var http = FeedFetcher.CreateHttpClient();
        var feedCache = new FeedCache(options.Cache);
        var runner = new JobRunner(
            new FeedFetcher(http, time),
            feedCache,
            new DigestPublisher(feedCache, options.Digest, time)
        );
        var queue = new SpoolQueue(options.Spool, time, options.Lease);
        var loop = new WorkerLoop(options, queue, runner, LineLog.Console(options.Name), time);
        return await loop.RunAsync(signals.Stopping);
    }
);

// Our own SIGTERM handling finishes the current job; System.CommandLine's would cancel it after a timeout.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
