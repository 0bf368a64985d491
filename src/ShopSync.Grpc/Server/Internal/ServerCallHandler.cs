using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using ShopSync.Grpc.Protocol;

namespace ShopSync.Grpc.Server.Internal;

/// <summary>
/// The shape-independent part of serving a call: protocol checks, the call context, interceptors, and the single
/// path from the handler's outcome (or exception) to the status and trailers.
/// </summary>
internal abstract class ServerCallHandler(GrpcMethodInfo method, ServerCallHandlerServices services)
{
    protected GrpcMethodInfo MethodInfo { get; } = method;

    protected GrpcServerOptions Options => services.Options;

    public async Task HandleAsync(HttpContext http)
    {
        if (!ServerRequestValidator.TryValidate(http, services.Logger))
        {
            return;
        }
        if (!string.Equals(http.Request.Path.Value, MethodInfo.Path, StringComparison.Ordinal))
        {
            // Routing ignores case; gRPC paths are case-sensitive.
            await UnimplementedCallHandler.RespondAsync(http, "Method is unimplemented.", services.Logger).ConfigureAwait(false);
            return;
        }
        DisableRequestBodyLimit(http);
        var context = new HttpServerCallContext(http, MethodInfo, services.Options);
        try
        {
            context.Initialize(services.TimeProvider);
            if (services.Options.Interceptors.Count == 0)
            {
                await InvokeAsync(context).ConfigureAwait(false);
            }
            else
            {
                await InvokeWithInterceptorsAsync(context).ConfigureAwait(false);
            }
            if (context.DeadlineExceeded)
            {
                CompleteDeadlineExceeded(context);
            }
            else
            {
                context.CompleteOk();
            }
        }
        catch (Exception exception)
        {
            CompleteWithError(context, exception);
        }
        finally
        {
            context.Dispose();
        }
    }

    /// <summary>Reads the request(s), runs the service method and writes the response(s).</summary>
    protected abstract Task InvokeAsync(HttpServerCallContext context);

    private Task InvokeWithInterceptorsAsync(HttpServerCallContext context)
    {
        ServerCallDelegate next = _ => InvokeAsync(context);
        var interceptors = services.Options.Interceptors;
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            var interceptor = interceptors[i].Resolve(context.HttpContext.RequestServices);
            var inner = next;
            next = ctx => interceptor.InterceptAsync(ctx, inner);
        }
        return next(context);
    }

    private void CompleteWithError(HttpServerCallContext context, Exception exception)
    {
        var logger = services.Logger;
        try
        {
            if (context.DeadlineExceeded)
            {
                CompleteDeadlineExceeded(context);
            }
            else if (context.ClientGone)
            {
                logger.CancelledByClient(MethodInfo.Path);
            }
            else if (exception is RpcException rpc)
            {
                logger.RpcStatus(MethodInfo.Path, rpc.StatusCode, rpc.Status.Detail);
                context.Complete(rpc.Status, MergeTrailers(context.ResponseTrailers, rpc.Trailers), rpc.StatusDetails);
            }
            else
            {
                logger.HandlerException(MethodInfo.Path, exception);
                var detail = services.Options.EnableDetailedErrors
                    ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
                    : "Exception was thrown by handler.";
                context.Complete(new Status(StatusCode.Unknown, detail), context.ResponseTrailers, null);
            }
        }
        catch (Exception writeFailure) when (writeFailure is InvalidOperationException or IOException)
        {
            logger.StatusWriteFailed(MethodInfo.Path, writeFailure);
        }
    }

    private void CompleteDeadlineExceeded(HttpServerCallContext context)
    {
        services.Logger.DeadlineExceeded(MethodInfo.Path, context.Deadline);
        context.Complete(new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), context.ResponseTrailers, null);
    }

    private static Metadata MergeTrailers(Metadata contextTrailers, Metadata exceptionTrailers)
    {
        if (exceptionTrailers.Count == 0)
        {
            return contextTrailers;
        }
        var merged = new Metadata();
        foreach (var entry in contextTrailers)
        {
            merged.Add(entry);
        }
        foreach (var entry in exceptionTrailers)
        {
            merged.Add(entry);
        }
        return merged;
    }

    private static void DisableRequestBodyLimit(HttpContext http)
    {
        // Our per-message limit applies instead; Kestrel's 30 MB body cap would break long client streams.
        var feature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = null;
        }
    }
}
