namespace Supervise.Samples.FeedWorker.Feeds;

/// <summary>
/// Reads a feed's bytes from an http(s) URL or a local file (for offline runs), then parses them. Network errors
/// and HTTP error statuses are transient (the job is retried); a missing file or a malformed feed is permanent.
/// </summary>
public sealed class FeedFetcher(HttpClient http, TimeProvider time)
{
    private const int MaxFeedBytes = 10 * 1024 * 1024;

    public static HttpClient CreateHttpClient()
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(20),
            MaxResponseContentBufferSize = MaxFeedBytes,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Supervise-FeedWorker/1.0");
        return http;
    }

    public async Task<CachedFeed> FetchAsync(string source, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(source, cancellationToken).ConfigureAwait(false);
        return FeedParser.Parse(source, bytes, time.GetUtcNow());
    }

    private async Task<byte[]> ReadAsync(string source, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return await http.GetByteArrayAsync(uri, cancellationToken).ConfigureAwait(false);
        }

        var path = uri is { IsFile: true } ? uri.LocalPath : source;
        if (!File.Exists(path))
        {
            throw new PermanentJobException($"{source}: no such feed file");
        }

        return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
    }
}
