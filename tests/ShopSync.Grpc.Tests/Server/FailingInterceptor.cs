using ShopSync.Grpc.Server;

namespace ShopSync.Grpc.Tests.Server;

/// <summary>Fails calls on request: "x-fail: invalid-argument" → RpcException with BadRequest; "x-fail: crash" → a plain exception.</summary>
internal sealed class FailingInterceptor : IServerInterceptor
{
    public const string Secret = "secret connection string";

    public Task InterceptAsync(ServerCallContext context, ServerCallDelegate next) => context.RequestHeaders.GetValue("x-fail") switch
    {
        "invalid-argument" => throw RpcException.InvalidArgument("name", "must not be empty"),
        "not-found" => throw RpcException.NotFound("job", "42"),
        "crash" => throw new InvalidOperationException(Secret),
        _ => next(context),
    };
}
