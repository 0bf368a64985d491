using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Http;

namespace ShopSync.Benchmarks.Wire;

/// <summary>
/// The baseline: the same health Check answered by a bare Kestrel endpoint that frames gRPC by hand (no call context,
/// no limits, no compression, no metadata) — the ceiling the gRPC stack is measured against.
/// </summary>
internal static class RawGrpcEndpoint
{
    public const string Path = "/raw.Health/Check";
    private static readonly HealthCheckResponse Serving = new() { Status = HealthCheckResponse.Types.ServingStatus.Serving };

    public static async Task HandleAsync(HttpContext http)
    {
        var reader = http.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(http.RequestAborted);
            if (result.IsCompleted)
            {
                var buffer = result.Buffer;
                var length = ReadLength(buffer);
                _ = HealthCheckRequest.Parser.ParseFrom(buffer.Slice(5, length));
                reader.AdvanceTo(buffer.End);
                break;
            }
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
        http.Response.ContentType = "application/grpc";
        var size = Serving.CalculateSize();
        var span = http.Response.BodyWriter.GetSpan(5 + size);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)size);
        Serving.WriteTo(span.Slice(5, size));
        http.Response.BodyWriter.Advance(5 + size);
        http.Response.AppendTrailer("grpc-status", "0");
    }

    private static int ReadLength(ReadOnlySequence<byte> buffer)
    {
        Span<byte> header = stackalloc byte[5];
        buffer.Slice(0, 5).CopyTo(header);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
    }
}
