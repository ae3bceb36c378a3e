namespace Supervise.Samples.FeedCore.Jobs;

/// <summary>The job kinds a worker understands, named as in the schedule file.</summary>
public static class JobKinds
{
    /// <summary>Fetch one feed and store its items in the cache.</summary>
    public const string ReadData = "read_data";

    /// <summary>Write a digest of the cached items not yet published.</summary>
    public const string PublishData = "publish_data";

    public static bool IsKnown(string kind) => kind is ReadData or PublishData;
}
