using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace ShopSync.Grpc.Protocol;

/// <summary>Writes one length-prefixed gRPC message; uncompressed messages are serialized in place.</summary>
internal static class MessageWriter
{
    /// <param name="output">Where the framed message goes.</param>
    /// <param name="message">The message.</param>
    /// <param name="compression">gzip/deflate, or null for none.</param>
    /// <param name="maxMessageSize">Send limit, or null for none.</param>
    /// <returns>The number of bytes written, prefix included.</returns>
    public static int Write(IBufferWriter<byte> output, IMessage message, string? compression, int? maxMessageSize)
    {
        var size = message.CalculateSize();
        CheckLimit(size, maxMessageSize);
        if (compression is null)
        {
            var span = output.GetSpan(GrpcProtocol.HeaderSize + size);
            WriteHeader(span, compressed: false, size);
            message.WriteTo(span.Slice(GrpcProtocol.HeaderSize, size));
            output.Advance(GrpcProtocol.HeaderSize + size);
            return GrpcProtocol.HeaderSize + size;
        }

        var plain = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            message.WriteTo(plain.AsSpan(0, size));
            var compressed = new ArrayBufferWriter<byte>(Math.Max(256, size / 2));
            MessageCompression.Compress(compression, plain.AsSpan(0, size), compressed);
            var span = output.GetSpan(GrpcProtocol.HeaderSize + compressed.WrittenCount);
            WriteHeader(span, compressed: true, compressed.WrittenCount);
            compressed.WrittenSpan.CopyTo(span[GrpcProtocol.HeaderSize..]);
            output.Advance(GrpcProtocol.HeaderSize + compressed.WrittenCount);
            return GrpcProtocol.HeaderSize + compressed.WrittenCount;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    private static void WriteHeader(Span<byte> span, bool compressed, int length)
    {
        span[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
    }

    private static void CheckLimit(int size, int? maxMessageSize)
    {
        if (size > maxMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"Sending message exceeds the maximum configured message size ({size} > {maxMessageSize} bytes)."));
        }
    }
}
