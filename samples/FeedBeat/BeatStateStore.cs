using System.Text.Json;
using Supervise.Samples.FeedCore;

namespace Supervise.Samples.FeedBeat;

/// <summary>Loads and saves <see cref="BeatState"/>; saves are atomic (temp file + rename), so a crash leaves the old state or the new one.</summary>
public sealed class BeatStateStore(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public BeatState Load() =>
        File.Exists(Path)
            ? JsonSerializer.Deserialize(File.ReadAllBytes(Path), BeatJson.Default.BeatState) ?? Empty
            : Empty;

    public void Save(BeatState state) =>
        AtomicFile.WriteAllBytes(Path, JsonSerializer.SerializeToUtf8Bytes(state, BeatJson.Default.BeatState));

    private static BeatState Empty => new(new Dictionary<string, DateTimeOffset>());
}
