using Google.Rpc;
using ShopSync.Grpc;
using ShopSync.Grpc.Server;
using ShopSync.Connector.Shops;

namespace ShopSync.Server.Grpc;

/// <summary>
/// Turns the domain's exceptions into gRPC statuses in one place, so service methods stay free of
/// try/catch: validation → INVALID_ARGUMENT with a BadRequest naming the field; unknown resources →
/// NOT_FOUND; conflicts → ALREADY_EXISTS or FAILED_PRECONDITION.
/// </summary>
internal sealed class DomainErrorInterceptor : IServerInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, ServerCallDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (Translate(e) is { } status)
        {
            throw status;
        }
    }

    internal static RpcException? Translate(Exception e) => e switch
    {
        ShopValidationException v => Invalid(v.Field, v.Message),
        ShopNotFoundException n => RpcException.NotFound("shop", n.Code, n.Message),
        ShopAlreadyExistsException a => RpcException.WithDetails(
            StatusCode.AlreadyExists, a.Message, new ResourceInfo { ResourceType = "shop", ResourceName = a.Code, Description = a.Message }),
        _ => QueueErrors.Translate(e),
    };

    /// <summary>INVALID_ARGUMENT whose message is the domain's own sentence (it already names the field).</summary>
    internal static RpcException Invalid(string field, string message)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = message });
        return RpcException.WithDetails(StatusCode.InvalidArgument, message, badRequest);
    }
}
