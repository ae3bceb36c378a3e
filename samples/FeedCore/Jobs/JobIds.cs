using System.Security.Cryptography;

namespace Supervise.Samples.FeedCore.Jobs;

/// <summary>Job ids sort by enqueue time: 13 digits of Unix milliseconds, then random hex against collisions.</summary>
public static class JobIds
{
    public static string New(DateTimeOffset now) =>
        $"{now.ToUnixTimeMilliseconds():D13}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
