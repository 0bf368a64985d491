using System.Buffers;
using System.Net;
using Google.Protobuf;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Client.Internal;

/// <summary>Builds the HTTP/2 request of a call: call-definition headers first, then custom metadata, then the framed message.</summary>
internal static class ClientRequestBuilder
{
    public static HttpRequestMessage Build<TResponse>(ClientMethod<TResponse> method, IMessage request, CallOptions options, DateTimeOffset? deadline, GrpcChannel channel)
        where TResponse : class, IMessage<TResponse>
    {
        var compression = options.WriteCompression;
        if (compression is not null && !MessageCompression.IsSupported(compression))
        {
            throw new ArgumentException($"WriteCompression '{compression}' is not supported; use gzip or deflate.", nameof(options));
        }
        var body = new ArrayBufferWriter<byte>(request.CalculateSize() + GrpcProtocol.HeaderSize);
        MessageWriter.Write(body, request, compression, channel.Options.MaxSendMessageSize);

        var message = new HttpRequestMessage(HttpMethod.Post, method.Uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new GrpcRequestContent(body),
        };
        var headers = message.Headers;
        if (deadline is { } d)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(d - channel.TimeProvider.GetUtcNow()));
        }
        headers.TryAddWithoutValidation(GrpcProtocol.TeHeader, GrpcProtocol.TeTrailers);
        headers.TryAddWithoutValidation("user-agent", GrpcProtocol.UserAgent);
        if (compression is not null)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, compression);
        }
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (options.Headers is { } metadata)
        {
            foreach (var entry in metadata)
            {
                if (GrpcProtocol.IsReservedHeader(entry.Key))
                {
                    throw new ArgumentException($"Metadata key '{entry.Key}' is reserved for the gRPC protocol.", nameof(options));
                }
                headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.ToHeaderValue(entry));
            }
        }
        return message;
    }
}
