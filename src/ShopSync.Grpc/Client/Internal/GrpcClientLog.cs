using Microsoft.Extensions.Logging;

namespace ShopSync.Grpc.Client.Internal;

/// <summary>Client log messages; event ids 1100–1199.</summary>
internal static partial class GrpcClientLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "Starting gRPC call {Method} to {Uri}.")]
    public static partial void CallStarting(this ILogger logger, string method, Uri uri);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Debug, Message = "gRPC call {Method} finished with {StatusCode}: {Detail}")]
    public static partial void CallFinished(this ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Debug, Message = "gRPC call {Method} exceeded its deadline; cancelling the stream.")]
    public static partial void DeadlineExceeded(this ILogger logger, string method);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "gRPC call {Method} failed at the transport: {Reason}")]
    public static partial void TransportError(this ILogger logger, string method, string reason, Exception exception);
}
