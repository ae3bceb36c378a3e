using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Supervise.Samples.FeedCore;

namespace Supervise.Samples.FeedWorker.Feeds;

/// <summary>
/// One JSON file per feed in a folder. Each write replaces the file atomically (temp file + rename), so that a
/// publish running in another worker at the same moment reads either the previous version or the new one.
/// </summary>
public sealed class FeedCache
{
    private const int MaxItemsPerFeed = 200;

    public FeedCache(string directory)
    {
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Merges a fresh fetch into the cached copy: items keep the time they were first seen.</summary>
    public StoreResult Store(CachedFeed fetched)
    {
        var path = PathFor(fetched.Source);
        var previous = Load(path)?.Items.ToDictionary(i => i.Id) ?? [];
        var merged = fetched
            .Items.DistinctBy(i => i.Id)
            .Select(i => previous.TryGetValue(i.Id, out var old) ? i with { FirstSeen = old.FirstSeen } : i)
            .Concat(previous.Values.Where(old => fetched.Items.All(i => i.Id != old.Id)))
            .OrderByDescending(i => i.Published ?? i.FirstSeen)
            .Take(MaxItemsPerFeed)
            .ToList();
        var feed = fetched with { Items = merged };
        AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(feed, WorkerJson.Default.CachedFeed));
        return new StoreResult(path, merged.Count, fetched.Items.Count(i => !previous.ContainsKey(i.Id)));
    }

    public IReadOnlyList<CachedFeed> LoadAll()
    {
        return System
            .IO.Directory.EnumerateFiles(Directory, "*.json")
            .Where(file => !Path.GetFileName(file).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .OfType<CachedFeed>()
            .ToList();
    }

    /// <summary><c>{file or host name}-{8 hex of SHA-256(source)}.json</c>: readable, and unique per source.</summary>
    public string PathFor(string source)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..8];
        var stem =
            Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile ? uri.Host : Path.GetFileName(source);
        var slug = string.Concat(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        return Path.Combine(Directory, $"{slug}-{hash}.json");
    }

    private static CachedFeed? Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), WorkerJson.Default.CachedFeed);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
