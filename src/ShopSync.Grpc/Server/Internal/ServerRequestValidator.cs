using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>Rejects requests that are not gRPC over HTTP/2 before any call state is created.</summary>
internal static class ServerRequestValidator
{
    public static bool TryValidate(HttpContext http, ILogger logger)
    {
        var request = http.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            logger.UnsupportedProtocol(request.Path, request.Protocol);
            Reject(http, StatusCodes.Status426UpgradeRequired, $"Request protocol '{request.Protocol}' is not supported; gRPC needs HTTP/2.");
            http.Response.Headers.Upgrade = "h2";
            return false;
        }
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            logger.UnsupportedContentType(request.Path, request.ContentType);
            Reject(http, StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not supported.");
            return false;
        }
        return true;
    }

    private static void Reject(HttpContext http, int httpStatus, string message)
    {
        http.Response.StatusCode = httpStatus;
        http.Response.Headers[GrpcProtocol.StatusHeader] = "13";
        http.Response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(message);
    }
}
