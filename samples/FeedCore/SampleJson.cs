using System.Text.Json.Serialization;
using Supervise.Samples.FeedCore.Jobs;

namespace Supervise.Samples.FeedCore;

/// <summary>Source-generated JSON for the spool's job files.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull
)]
[JsonSerializable(typeof(Job))]
public sealed partial class SampleJson : JsonSerializerContext;
