using System.IO.Compression;
using Grpc.Core;
using Grpc.Net.Compression;

namespace ShopSync.Server.Grpc.Binding;

/// <summary>
/// A compression provider whose decompression failure (a message flagged compressed that is not, e.g. garbage under
/// grpc-encoding gzip) is the caller's INVALID_ARGUMENT. grpc-dotnet decompresses before deserializing and answered
/// UNKNOWN for the InvalidDataException.
/// </summary>
internal sealed class GuardedCompressionProvider(ICompressionProvider inner) : ICompressionProvider
{
    public string EncodingName => inner.EncodingName;

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) => inner.CreateCompressionStream(stream, compressionLevel);

    public Stream CreateDecompressionStream(Stream stream) => new GuardedStream(inner.CreateDecompressionStream(stream), inner.EncodingName);

    private sealed class GuardedStream(Stream inner, string encoding) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            try
            {
                return inner.Read(buffer);
            }
            catch (InvalidDataException e)
            {
                throw new RpcException(new global::Grpc.Core.Status(StatusCode.InvalidArgument, $"The request message is not valid {encoding} data: {e.Message}"));
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
