using System.Buffers;
using System.IO.Pipelines;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace Supervise.Supervisord.Control;

/// <summary>
/// Lets one cleartext endpoint serve HTTP/1.1 (Python's supervisorctl, XML-RPC clients, /logtail, browsers) and
/// prior-knowledge HTTP/2 (our gRPC ctl). Kestrel cannot do this by itself: without TLS it picks HTTP/1.1 for an
/// Http1AndHttp2 endpoint, "because it's ambiguous without ALPN" (HttpConnection.SelectProtocol;
/// dotnet/aspnetcore#56984). This connection middleware reads until the bytes either differ from the 24-byte HTTP/2
/// client preface or match all of it, consumes nothing, and for HTTP/2 presents what SelectProtocol reads: a TLS
/// connection feature and "h2" as the negotiated application protocol. Nothing else reads those features on a
/// cleartext connection. The spec ProtocolSharingSpecs runs both clients on one socket to pin this behaviour; drop the
/// sniffer once Kestrel detects the preface itself (dotnet/aspnetcore#67782).
/// </summary>
public static class ProtocolSniffer
{
    /// <summary>How long a connection may take to send its first bytes (Kestrel's own header timeout starts after us).</summary>
    public static readonly TimeSpan FirstBytesTimeout = TimeSpan.FromSeconds(30);

    private static ReadOnlySpan<byte> Preface => "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8;

    public static ConnectionDelegate Middleware(ConnectionDelegate next) =>
        async connection =>
        {
            var isHttp2 = await IsHttp2Async(connection).ConfigureAwait(false);
            if (isHttp2 is null)
            {
                connection.Abort();
                return;
            }
            if (isHttp2.Value)
            {
                connection.Features.Set<ITlsConnectionFeature>(NegotiatedHttp2.Instance);
                connection.Features.Set<ITlsApplicationProtocolFeature>(NegotiatedHttp2.Instance);
            }
            await next(connection).ConfigureAwait(false);
        };

    /// <returns>True for the HTTP/2 preface, false for anything else (HTTP/1.x, or a close), null on a timeout.</returns>
    private static async Task<bool?> IsHttp2Async(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionClosed);
        timeout.CancelAfter(FirstBytesTimeout);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await input.ReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            var decision = Classify(result.Buffer);
            if (decision is not null || result.IsCompleted || result.IsCanceled)
            {
                // Consume nothing: Kestrel's HTTP/1.1 or HTTP/2 parser reads the same bytes again.
                input.AdvanceTo(result.Buffer.Start);
                return decision ?? false;
            }
            input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <returns>True once all 24 bytes match, false at the first byte that differs, null while undecided.</returns>
    public static bool? Classify(ReadOnlySequence<byte> buffer)
    {
        var length = (int)Math.Min(buffer.Length, Preface.Length);
        Span<byte> head = stackalloc byte[Preface.Length];
        buffer.Slice(0, length).CopyTo(head);
        var mismatch = head[..length].CommonPrefixLength(Preface);
        return mismatch < length ? false
            : length == Preface.Length ? true
            : null;
    }

    private sealed class NegotiatedHttp2 : ITlsConnectionFeature, ITlsApplicationProtocolFeature
    {
        public static readonly NegotiatedHttp2 Instance = new();

        public ReadOnlyMemory<byte> ApplicationProtocol { get; } = "h2"u8.ToArray();

        public X509Certificate2? ClientCertificate
        {
            get => null;
            set { }
        }

        public Task<X509Certificate2?> GetClientCertificateAsync(CancellationToken cancellationToken) =>
            Task.FromResult<X509Certificate2?>(null);
    }
}
