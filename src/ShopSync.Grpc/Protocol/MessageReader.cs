using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace ShopSync.Grpc.Protocol;

/// <summary>
/// Reads length-prefixed gRPC messages from a pipe, reassembling them across DATA frames. The size limit is checked
/// on the 5-byte prefix, before the message is buffered; uncompressed messages are parsed straight from the pipe's
/// buffers (no copy). <paramref name="onTransportFailure"/> is told when the pipe itself fails (an
/// <see cref="IOException"/>: the peer reset the stream or the connection was lost) before the exception propagates.
/// </summary>
internal sealed class MessageReader<T>(
    PipeReader reader, MessageParser<T> parser, int maxMessageSize, string? encoding, string peerRole, Action? onTransportFailure = null)
    where T : class, IMessage<T>
{
    /// <summary>Whether the last message read had the compressed flag set.</summary>
    public bool LastMessageCompressed { get; private set; }

    /// <summary>Reads the next message, or returns default at the end of the stream.</summary>
    /// <exception cref="RpcException">The stream violates the protocol or a limit.</exception>
    public async ValueTask<T?> ReadNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await ReadPipeAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            var examined = buffer.End;
            try
            {
                if (buffer.Length >= GrpcProtocol.HeaderSize)
                {
                    var (compressed, length) = ReadHeader(buffer);
                    if (buffer.Length - GrpcProtocol.HeaderSize >= length)
                    {
                        var payload = buffer.Slice(GrpcProtocol.HeaderSize, length);
                        consumed = payload.End;
                        // Only what was parsed counts as examined: a further message already in the buffer
                        // must be returned by the next read without waiting for more bytes.
                        examined = consumed;
                        LastMessageCompressed = compressed;
                        return Parse(payload, compressed);
                    }
                }
                if (result.IsCompleted)
                {
                    if (buffer.Length == 0)
                    {
                        return default;
                    }
                    throw Fail(StatusCode.Internal, "Incomplete message.");
                }
                if (result.IsCanceled)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
            finally
            {
                reader.AdvanceTo(consumed, examined);
            }
        }
    }

    private async ValueTask<ReadResult> ReadPipeAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException) when (onTransportFailure is not null)
        {
            onTransportFailure();
            throw;
        }
    }

    /// <summary>Reads exactly one message followed by the end of the stream (unary and server-streaming requests).</summary>
    public async ValueTask<T> ReadSingleAsync(CancellationToken cancellationToken)
    {
        var message = await ReadNextAsync(cancellationToken).ConfigureAwait(false)
            ?? throw Fail(StatusCode.Unimplemented, $"No message received; the {peerRole} must send exactly one.");
        while (true)
        {
            var result = await ReadPipeAsync(cancellationToken).ConfigureAwait(false);
            var hasData = !result.Buffer.IsEmpty;
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            if (hasData)
            {
                throw Fail(StatusCode.Unimplemented, $"Additional data after the message received; the {peerRole} must send exactly one.");
            }
            if (result.IsCompleted)
            {
                return message;
            }
        }
    }

    private (bool Compressed, long Length) ReadHeader(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        var flag = header[0];
        if (flag > 1)
        {
            throw Fail(StatusCode.Internal, $"Invalid compressed flag {flag} in the message prefix.");
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > maxMessageSize)
        {
            throw Fail(StatusCode.ResourceExhausted, $"Received message exceeds the maximum configured message size ({length} > {maxMessageSize} bytes).");
        }
        return (flag == 1, length);
    }

    private T Parse(ReadOnlySequence<byte> payload, bool compressed)
    {
        if (compressed)
        {
            payload = Decompress(payload);
        }
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException)
        {
            throw Fail(StatusCode.Internal, $"Failed to deserialize the {peerRole}'s message.");
        }
    }

    private ReadOnlySequence<byte> Decompress(ReadOnlySequence<byte> payload)
    {
        if (encoding is null || encoding == GrpcProtocol.Identity)
        {
            throw Fail(StatusCode.Internal, "Compressed message received without grpc-encoding.");
        }
        byte[]? decompressed;
        try
        {
            decompressed = MessageCompression.Decompress(encoding, payload, maxMessageSize);
        }
        catch (InvalidDataException)
        {
            throw Fail(StatusCode.Internal, $"Could not decompress the message with '{encoding}'.");
        }
        return decompressed is null
            ? throw Fail(StatusCode.ResourceExhausted, $"Decompressed message exceeds the maximum configured message size ({maxMessageSize} bytes).")
            : new ReadOnlySequence<byte>(decompressed);
    }

    private static RpcException Fail(StatusCode code, string detail) => new(new Status(code, detail));
}
