using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace ShopSync.Grpc.Tests.Wire;

/// <summary>Sends hand-made HTTP/2 gRPC requests (any bytes, any headers) and exposes the raw response.</summary>
internal sealed class RawGrpcClient(Uri address) : IDisposable
{
    private readonly HttpMessageInvoker _invoker = new(new SocketsHttpHandler());

    public sealed record RawResponse(HttpStatusCode HttpStatus, HttpResponseHeaders Headers, HttpResponseHeaders Trailers, byte[] Body)
    {
        /// <summary>grpc-status from the trailers, or from the headers of a Trailers-Only response.</summary>
        public string? GrpcStatus => Value(Trailers, "grpc-status") ?? Value(Headers, "grpc-status");

        public string? GrpcMessage => Value(Trailers, "grpc-message") ?? Value(Headers, "grpc-message");

        public bool TrailersOnly => Value(Headers, "grpc-status") is not null && Body.Length == 0;

        public static string? Value(HttpHeaders headers, string name) =>
            headers.TryGetValues(name, out var values) ? values.First() : null;
    }

    public static byte[] Frame(byte flag, uint length, params byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public async Task<RawResponse> SendAsync(string path, byte[] body, string contentType = "application/grpc", IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var response = await _invoker.SendAsync(request, timeout.Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        return new RawResponse(response.StatusCode, response.Headers, response.TrailingHeaders, bytes);
    }

    public void Dispose() => _invoker.Dispose();
}
