using System.Text.Json.Serialization;
using Supervise.Samples.FeedWorker.Digest;
using Supervise.Samples.FeedWorker.Feeds;

namespace Supervise.Samples.FeedWorker;

/// <summary>Source-generated JSON for the cache and the publish state.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(CachedFeed))]
[JsonSerializable(typeof(PublishedState))]
public sealed partial class WorkerJson : JsonSerializerContext;
