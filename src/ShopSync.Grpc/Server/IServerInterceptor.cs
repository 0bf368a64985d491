namespace ShopSync.Grpc.Server;

/// <summary>The rest of a call's pipeline: later interceptors, then reading the request(s) and the handler.</summary>
public delegate Task ServerCallDelegate(ServerCallContext context);

/// <summary>
/// Wraps every call, whatever its shape (authentication, logging, metrics). Runs before the request message is
/// read, so it can reject a call cheaply by throwing <see cref="RpcException"/>. Call <c>next(context)</c> to go on.
/// </summary>
public interface IServerInterceptor
{
    /// <summary>Handles a call; await <paramref name="next"/> to run the handler.</summary>
    Task InterceptAsync(ServerCallContext context, ServerCallDelegate next);
}
