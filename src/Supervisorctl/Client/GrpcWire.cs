using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;

namespace Supervise.Supervisorctl.Client;

/// <summary>
/// Unary and server-streaming gRPC calls to the daemon's service, straight on HttpClient (HTTP/2 only). The generated
/// stub would send every call through CallInvoker's generic virtual methods, which NativeAOT resolves at run time with
/// its type loader: a quarter of the CPU of a one-shot `supervisorctl status` (perf, 30 runs). The wire format is
/// small: a POST to /package.Service/Method with content type application/grpc; each message is one flag byte
/// (0: uncompressed), a big-endian length and the protobuf bytes; grpc-status and grpc-message arrive as trailers, or
/// as headers when the call fails before any message. Failures surface as <see cref="RpcException"/>, as they would
/// from Grpc.Net.Client: a status with the server's trailers, or Unavailable with the transport's exception as
/// DebugException, or Cancelled.
/// </summary>
internal sealed class GrpcWire : IDisposable
{
    private const string Service = "/supervise.v1.Supervisor/";
    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");
    private readonly HttpClient _http;
    private readonly string? _authorization;

    /// <param name="authorization">The Authorization header value sent with every call, or null.</param>
    public GrpcWire(HttpMessageHandler handler, Uri address, string? authorization)
    {
        _http = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = address,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _authorization = authorization;
    }

    /// <summary>A unary call: the stream of one reply (anything more is read to reach the trailers).</summary>
    public async Task<TReply> UnaryAsync<TReply>(
        string method,
        IMessage request,
        MessageParser<TReply> parser,
        CancellationToken cancellationToken
    )
        where TReply : IMessage<TReply>
    {
        TReply? reply = default;
        await foreach (var message in StreamAsync(method, request, parser, cancellationToken).ConfigureAwait(false))
        {
            reply ??= message;
        }
        return reply
            ?? throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize response message."));
    }

    public async IAsyncEnumerable<TReply> StreamAsync<TReply>(
        string method,
        IMessage request,
        MessageParser<TReply> parser,
        [EnumeratorCancellation] CancellationToken cancellationToken
    )
        where TReply : IMessage<TReply>
    {
        using var response = await Guard(SendAsync(method, request, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var body = await Guard(response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        while (
            await Guard(ReadMessageAsync(body, parser, cancellationToken), cancellationToken).ConfigureAwait(false)
                is { } message
        )
        {
            yield return message;
        }
        ThrowOnFailure(response);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(
        string method,
        IMessage request,
        CancellationToken cancellationToken
    )
    {
        var size = request.CalculateSize();
        var frame = new byte[5 + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)size);
        request.WriteTo(frame.AsSpan(5));
        using var message = new HttpRequestMessage(HttpMethod.Post, Service + method)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        message.Content.Headers.ContentType = GrpcContentType;
        message.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        if (_authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("authorization", _authorization);
        }
        var response = await _http
            .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            response.Dispose();
            throw new RpcException(
                new Status(
                    StatusOfHttp(response.StatusCode),
                    $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}"
                )
            );
        }
        return response;
    }

    /// <summary>The next message of the body, or null at its end.</summary>
    private static async Task<TReply?> ReadMessageAsync<TReply>(
        Stream body,
        MessageParser<TReply> parser,
        CancellationToken cancellationToken
    )
        where TReply : IMessage<TReply>
    {
        var header = new byte[5];
        var read = await body.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken)
            .ConfigureAwait(false);
        if (read == 0)
        {
            return default;
        }
        if (read < header.Length || header[0] != 0)
        {
            throw new RpcException(
                new Status(
                    StatusCode.Internal,
                    read < header.Length ? "Incomplete message." : "Compressed messages are not supported."
                )
            );
        }
        var payload = new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
        await body.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
        return parser.ParseFrom(payload);
    }

    /// <summary>Throws the call's status when it is not OK (trailers, or headers for a trailers-only response).</summary>
    private static void ThrowOnFailure(HttpResponseMessage response)
    {
        var fields = response.TrailingHeaders.Contains("grpc-status") ? response.TrailingHeaders : response.Headers;
        var status =
            fields.TryGetValues("grpc-status", out var values) && int.TryParse(values.FirstOrDefault(), out var code)
                ? (StatusCode)code
                : StatusCode.Unknown;
        if (status == StatusCode.OK)
        {
            return;
        }
        var detail = fields.TryGetValues("grpc-message", out var messages)
            ? Uri.UnescapeDataString(messages.FirstOrDefault() ?? "")
            : "";
        if (status == StatusCode.Unknown && detail.Length == 0)
        {
            detail = "No grpc-status found on response.";
        }
        var trailers = new Metadata();
        foreach (var (name, value) in fields)
        {
            if (
                !name.StartsWith("grpc-", StringComparison.Ordinal)
                && !name.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal)
            )
            {
                trailers.Add(name, string.Join(',', value));
            }
        }
        throw new RpcException(new Status(status, detail), trailers);
    }

    private static async Task<T> Guard<T>(Task<T> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await operation.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, cancellationToken);
        }
    }

    private static RpcException Translate(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested
            ? new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client.", exception))
            : new RpcException(
                new Status(
                    StatusCode.Unavailable,
                    $"Error starting gRPC call. {exception.GetType().Name}: {exception.Message}",
                    exception
                )
            );

    private static StatusCode StatusOfHttp(HttpStatusCode code) =>
        code switch
        {
            HttpStatusCode.BadRequest => StatusCode.Internal,
            HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
            HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
            HttpStatusCode.NotFound => StatusCode.Unimplemented,
            HttpStatusCode.TooManyRequests
            or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
}
