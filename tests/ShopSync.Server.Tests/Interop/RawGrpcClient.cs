using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;

namespace ShopSync.Server.Tests.Interop;

/// <summary>Sends hand-made gRPC request bodies over h2c and reads the raw answer (status, headers, trailers).</summary>
/// <param name="address">The server.</param>
/// <param name="maxStatusKilobytes">The client's header limit (64 KB by default): larger lets a test measure an oversized status.</param>
internal sealed class RawGrpcClient(Uri address, int maxStatusKilobytes = 64) : IDisposable
{
    private readonly HttpMessageInvoker _http = new(new SocketsHttpHandler { MaxResponseHeadersLength = maxStatusKilobytes });

    /// <param name="StatusBytes">The length of grpc-message and grpc-status-details-bin together.</param>
    public sealed record Response(HttpStatusCode HttpStatus, string? GrpcStatus, string? GrpcMessage, bool TrailersOnly, HttpResponseHeaders Headers, int StatusBytes = 0);

    /// <summary>A gRPC frame: the flag byte, the declared length and the given payload (which may disagree with it).</summary>
    public static byte[] Frame(byte flag, uint length, params byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public async Task<Response> SendAsync(string path, byte[] body, string contentType = "application/grpc", IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (key, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await _http.SendAsync(request, timeout.Token);
        await response.Content.ReadAsByteArrayAsync(timeout.Token);
        var inHeaders = Value(response.Headers, "grpc-status");
        var status = inHeaders ?? Value(response.TrailingHeaders, "grpc-status");
        var message = Value(response.Headers, "grpc-message") ?? Value(response.TrailingHeaders, "grpc-message");
        var details = Value(response.Headers, "grpc-status-details-bin") ?? Value(response.TrailingHeaders, "grpc-status-details-bin");
        return new Response(response.StatusCode, status, message, inHeaders is not null, response.Headers, (message?.Length ?? 0) + (details?.Length ?? 0));
    }

    public static string? Value(HttpHeaders headers, string name) => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    public void Dispose() => _http.Dispose();
}
