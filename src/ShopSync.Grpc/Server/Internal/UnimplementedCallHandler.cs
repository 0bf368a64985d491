using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>Answers RPCs nobody serves with a Trailers-Only UNIMPLEMENTED.</summary>
internal sealed class UnimplementedCallHandler(string message, ILogger logger)
{
    public Task HandleAsync(HttpContext http)
    {
        if (!ServerRequestValidator.TryValidate(http, logger))
        {
            return Task.CompletedTask;
        }
        return RespondAsync(http, message, logger);
    }

    public static Task RespondAsync(HttpContext http, string message, ILogger logger)
    {
        logger.UnknownRpc(http.Request.Path);
        var response = http.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
        response.Headers[GrpcProtocol.StatusHeader] = "12";
        response.Headers[GrpcProtocol.MessageHeader] = PercentEncoding.Encode(message);
        return Task.CompletedTask;
    }
}
