using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;

namespace ShopSync.Server.Tests.Dashboard;

/// <summary>
/// One unary gRPC-Web call as a browser makes it (HTTP/1.1 POST, application/grpc-web+proto, an Origin header),
/// decoded by hand so a test sees the HTTP answer itself: its headers, the status and the message.
/// </summary>
internal sealed record GrpcWebCall(HttpResponseMessage Http, int Status, string Message, byte[]? Payload)
{
    public static async Task<GrpcWebCall> SendAsync(HttpClient http, Uri webAddress, string method, IMessage request, string? origin, string? bearer = null)
    {
        var body = request.ToByteArray();
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), body.Length);
        body.CopyTo(frame, 5);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(webAddress, method)) { Content = new ByteArrayContent(frame) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc-web+proto");
        message.Headers.Add("x-grpc-web", "1");
        if (origin is not null)
        {
            message.Headers.Add("Origin", origin);
        }
        if (bearer is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        var response = await http.SendAsync(message);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers)
        {
            trailers[name] = string.Join(",", values);
        }
        byte[]? payload = null;
        for (var at = 0; at + 5 <= bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at + 1, 4));
            var data = bytes.AsSpan(at + 5, length);
            if ((bytes[at] & 0x80) != 0)
            {
                foreach (var line in Encoding.ASCII.GetString(data).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
                {
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    trailers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }
            else
            {
                payload = data.ToArray();
            }
            at += 5 + length;
        }

        var status = trailers.TryGetValue("grpc-status", out var code) ? int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) : -1;
        return new GrpcWebCall(response, status, Uri.UnescapeDataString(trailers.GetValueOrDefault("grpc-message", "")), payload);
    }

    public T Decode<T>(MessageParser<T> parser)
        where T : IMessage<T> => parser.ParseFrom(Payload ?? throw new InvalidOperationException($"no message (status {Status}: {Message})"));
}
