using System.Net;
using System.Net.Http.Headers;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Client.Internal;

/// <summary>Turns what came back over HTTP/2 into a gRPC status (grpc-wire.md §1.5, §1.6).</summary>
internal static class ClientStatusMapper
{
    /// <summary>Reads grpc-status / grpc-message from headers or trailers; null when absent.</summary>
    public static Status? TryReadStatus(HttpHeaders headers)
    {
        if (!headers.TryGetValues(GrpcProtocol.StatusHeader, out var values))
        {
            return null;
        }
        var text = values.FirstOrDefault();
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return new Status(StatusCode.Unknown, $"Invalid grpc-status value '{text}'.");
        }
        var message = headers.TryGetValues(GrpcProtocol.MessageHeader, out var messages)
            ? PercentEncoding.Decode(messages.FirstOrDefault() ?? string.Empty)
            : string.Empty;
        return new Status((StatusCode)code, message);
    }

    public static Google.Rpc.Status? TryReadDetails(HttpHeaders headers) =>
        headers.TryGetValues(GrpcProtocol.StatusDetailsHeader, out var values)
            ? StatusDetailsCodec.TryDecode(values.FirstOrDefault())
            : null;

    public static StatusCode FromHttpStatus(HttpStatusCode status) => (int)status switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        431 => StatusCode.Internal,
        _ => StatusCode.Unknown,
    };

    /// <summary>A stream reset by the server (RST_STREAM error code) as a status.</summary>
    public static StatusCode FromResetCode(long errorCode) => errorCode switch
    {
        7 => StatusCode.Unavailable,
        8 => StatusCode.Cancelled,
        11 => StatusCode.ResourceExhausted,
        12 => StatusCode.PermissionDenied,
        _ => StatusCode.Internal,
    };

    public static Metadata ToMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers)
        {
            foreach (var value in header.Value)
            {
                MetadataHeaders.AddHeader(metadata, header.Key, value);
            }
        }
        return metadata;
    }
}
