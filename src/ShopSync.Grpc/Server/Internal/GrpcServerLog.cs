using Microsoft.Extensions.Logging;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>Server log messages; event ids 1000–1099.</summary>
internal static partial class GrpcServerLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Exception was thrown by the handler of {Method}; the client gets UNKNOWN.")]
    public static partial void HandlerException(this ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Call {Method} ended with {StatusCode}: {Detail}")]
    public static partial void RpcStatus(this ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Call {Method} exceeded its deadline {Deadline:O}.")]
    public static partial void DeadlineExceeded(this ILogger logger, string method, DateTimeOffset? deadline);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Call {Method} was cancelled by the client.")]
    public static partial void CancelledByClient(this ILogger logger, string method);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Request to {Path} rejected with HTTP 415: content-type '{ContentType}' is not gRPC.")]
    public static partial void UnsupportedContentType(this ILogger logger, string path, string? contentType);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "Unknown RPC {Path}: answered UNIMPLEMENTED.")]
    public static partial void UnknownRpc(this ILogger logger, string path);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information, Message = "Request to {Path} rejected with HTTP 426: protocol {Protocol} is not HTTP/2.")]
    public static partial void UnsupportedProtocol(this ILogger logger, string path, string protocol);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Information, Message = "RPC {Method} has no method on {ServiceType}; calls answer UNIMPLEMENTED.")]
    public static partial void MethodWithoutHandler(this ILogger logger, string method, string serviceType);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "Mapped gRPC service {Service} to {ServiceType} ({MethodCount} RPCs).")]
    public static partial void ServiceMapped(this ILogger logger, string service, string serviceType, int methodCount);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Could not send the status of {Method}.")]
    public static partial void StatusWriteFailed(this ILogger logger, string method, Exception exception);
}
