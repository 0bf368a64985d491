using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace ShopSync.Server.Access;

/// <summary>
/// The one place access is enforced: authenticates the call (<see cref="CallAuthenticator"/>), checks its rule
/// from <see cref="RpcRules"/> against the principal's role, and applies the principal's shop scope to the request
/// and the response (<see cref="ScopeGuard"/>, <see cref="ScopeResources"/>). Runs inside
/// <c>DomainErrorInterceptor</c>, so a scope check's domain errors become the usual statuses.
/// </summary>
internal sealed partial class AccessInterceptor(
    CallAuthenticator authenticator, ScopeResources resources, ILogger<AccessInterceptor> logger) : Interceptor
{
    private static readonly Func<ILogger, string, IDisposable?> PrincipalScope =
        LoggerMessage.DefineScope<string>("principal {Principal}");

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (await AuthorizeAsync(context) is not { } call)
        {
            return await continuation(request, context);
        }
        using var scope = PrincipalScope(logger, call.Principal);
        if (call.Scope.IsEverything || call.Rule.Scope == ScopeTarget.None)
        {
            return await continuation(request, context);
        }
        await resources.CheckRequestAsync((Google.Protobuf.IMessage)request, call, context.CancellationToken);
        var response = await continuation(request, context);
        return ScopeGuard.FilterResponse((Google.Protobuf.IMessage)response, call.Scope)
            ? response
            : throw Grpc.RpcErrors.NotFound("record", "", "The record was not found.");
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (await AuthorizeAsync(context) is not { } call)
        {
            await continuation(request, responseStream, context);
            return;
        }
        using var scope = PrincipalScope(logger, call.Principal);
        if (call.Scope.IsEverything || call.Rule.Scope == ScopeTarget.None)
        {
            await continuation(request, responseStream, context);
            return;
        }
        await resources.CheckRequestAsync((Google.Protobuf.IMessage)request, call, context.CancellationToken);
        await continuation(request, new ScopedStreamWriter<TResponse>(responseStream, call.Scope), context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RefuseScopedStreams(await AuthorizeAsync(context));
        return await continuation(requestStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RefuseScopedStreams(await AuthorizeAsync(context));
        await continuation(requestStream, responseStream, context);
    }

    /// <summary>Null for open methods (health, reflection); otherwise the authorised call, or an RpcException.</summary>
    private async ValueTask<AuthorizedCall?> AuthorizeAsync(ServerCallContext context)
    {
        var method = context.Method;
        if (RpcRules.IsOpen(method))
        {
            return null;
        }
        var rule = RpcRules.Find(method);
        var principal = await authenticator.AuthenticateAsync(context);
        if (rule is null)
        {
            throw AccessErrors.NoRule(method);
        }
        var role = AccessClaims.RoleOf(principal);
        var name = AccessClaims.NameOf(principal);
        if (!Roles.Allows(role, rule.Permission))
        {
            LogDenied(logger, method, name, role ?? "", rule.Permission);
            throw AccessErrors.PermissionDenied(method, rule.Permission, name, role);
        }
        var shops = ShopScope.Of(principal);
        if (!shops.IsEverything && rule.Scope == ScopeTarget.AllShops)
        {
            LogDenied(logger, method, name, role ?? "", rule.Permission);
            throw AccessErrors.NeedsEveryShop(method, rule.Permission, name, shops);
        }
        return new AuthorizedCall(rule, name, shops);
    }

    private static void RefuseScopedStreams(AuthorizedCall? call)
    {
        // No client- or duplex-streaming ShopSync RPC exists; should one come, it must learn scopes before scoped callers use it.
        if (call is { Scope.IsEverything: false, Rule.Scope: not ScopeTarget.None })
        {
            throw AccessErrors.NeedsEveryShop("this streaming method", call.Rule.Permission, call.Principal, call.Scope);
        }
    }

    [LoggerMessage(EventId = 7451, EventName = "AccessDenied", Level = LogLevel.Information,
        Message = "Denied {Method} to {Principal} (role {Role}): needs {Permission}")]
    private static partial void LogDenied(ILogger logger, string method, string principal, string role, string permission);
}
