using System.Text.Json.Serialization;

namespace Supervise.Samples.FeedBeat;

/// <summary>Source-generated JSON for the beat's state file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(BeatState))]
public sealed partial class BeatJson : JsonSerializerContext;
