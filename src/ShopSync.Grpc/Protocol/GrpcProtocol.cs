namespace ShopSync.Grpc.Protocol;

/// <summary>Wire constants of gRPC over HTTP/2 (grpc/grpc doc/PROTOCOL-HTTP2.md).</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string StatusDetailsHeader = "grpc-status-details-bin";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string TimeoutHeader = "grpc-timeout";
    public const string TeHeader = "te";
    public const string TeTrailers = "trailers";
    public const string Identity = "identity";
    public const string Gzip = "gzip";
    public const string Deflate = "deflate";

    /// <summary>What we accept, in the form peers send it.</summary>
    public const string SupportedEncodings = "identity,gzip,deflate";

    public const int HeaderSize = 5;
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    public static readonly string Version = typeof(GrpcProtocol).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
    public static readonly string UserAgent = $"grpc-dotnet-shopsync/{Version}";

    /// <summary>HTTP/2 RST_STREAM error code CANCEL.</summary>
    public const int Http2CancelErrorCode = 8;

    /// <summary>Whether a content type is a gRPC one (<c>application/grpc</c>, <c>application/grpc+proto</c>, ...).</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (contentType.Length == ContentType.Length)
        {
            return true;
        }
        var next = contentType[ContentType.Length];
        return next is '+' or ';';
    }

    /// <summary>Headers that belong to the protocol and are not user metadata.</summary>
    public static bool IsReservedHeader(string name) =>
        name.StartsWith(':')
        || name.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("te", StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals("accept-encoding", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("date", StringComparison.OrdinalIgnoreCase)
        || name.Equals("server", StringComparison.OrdinalIgnoreCase);
}
