using System.Buffers;
using System.IO.Compression;

namespace ShopSync.Grpc.Protocol;

/// <summary>Per-message gzip (RFC 1952) and deflate (zlib, RFC 1950) as gRPC peers use them.</summary>
internal static class MessageCompression
{
    public static bool IsSupported(string encoding) =>
        encoding is GrpcProtocol.Gzip or GrpcProtocol.Deflate;

    /// <summary>Whether a <c>grpc-accept-encoding</c> list (comma separated, spaces allowed) names the encoding.</summary>
    public static bool IsAccepted(string? acceptEncoding, string encoding)
    {
        if (acceptEncoding is null)
        {
            return false;
        }
        foreach (var range in acceptEncoding.AsSpan().Split(','))
        {
            if (acceptEncoding.AsSpan()[range].Trim().Equals(encoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    public static void Compress(string encoding, ReadOnlySpan<byte> source, IBufferWriter<byte> destination)
    {
        using var target = new BufferWriterStream(destination);
        using (var compressor = CreateCompressor(encoding, target))
        {
            compressor.Write(source);
        }
    }

    /// <summary>Decompresses; returns null when the result would exceed <paramref name="maxSize"/>.</summary>
    /// <exception cref="InvalidDataException">The data is not valid for the encoding.</exception>
    public static byte[]? Decompress(string encoding, ReadOnlySequence<byte> source, int maxSize)
    {
        using var input = new SequenceStream(source);
        using var decompressor = CreateDecompressor(encoding, input);
        using var output = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = decompressor.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    return null;
                }
                output.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return output.ToArray();
    }

    private static Stream CreateCompressor(string encoding, Stream target) => encoding switch
    {
        GrpcProtocol.Gzip => new GZipStream(target, CompressionLevel.Fastest, leaveOpen: true),
        GrpcProtocol.Deflate => new ZLibStream(target, CompressionLevel.Fastest, leaveOpen: true),
        _ => throw new NotSupportedException($"Compression '{encoding}' is not supported."),
    };

    private static Stream CreateDecompressor(string encoding, Stream source) => encoding switch
    {
        GrpcProtocol.Gzip => new GZipStream(source, CompressionMode.Decompress, leaveOpen: true),
        GrpcProtocol.Deflate => new ZLibStream(source, CompressionMode.Decompress, leaveOpen: true),
        _ => throw new NotSupportedException($"Compression '{encoding}' is not supported."),
    };
}
