using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace ShopSync.Grpc.Client.Internal;

/// <summary>The request body: one already framed message; the stream ends (END_STREAM) after it.</summary>
internal sealed class GrpcRequestContent : HttpContent
{
    private static readonly MediaTypeHeaderValue GrpcContentType = new("application/grpc");
    private readonly ArrayBufferWriter<byte> _body;

    public GrpcRequestContent(ArrayBufferWriter<byte> body)
    {
        _body = body;
        Headers.ContentType = GrpcContentType;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_body.WrittenMemory, cancellationToken).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = _body.WrittenCount;
        return true;
    }
}
