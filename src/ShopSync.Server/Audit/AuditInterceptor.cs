using Grpc.Core;
using Grpc.Core.Interceptors;
using ShopSync.Queue.Audit;

namespace ShopSync.Server.Audit;

/// <summary>
/// The outermost interceptor: every mutating call gets an audit record. The record is ambient while the call runs,
/// so the call's first store write commits it with the change; a call that wrote nothing, or failed, or was refused
/// by an inner interceptor (UNAUTHENTICATED, PERMISSION_DENIED), is appended on its own when it ends.
/// </summary>
internal sealed partial class AuditInterceptor(IAuditLog log, TimeProvider time, ILogger<AuditInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!MutatingRpcs.IsMutating(context.Method))
        {
            return await continuation(request, context);
        }
        var record = Begin(request, context);
        using (AuditScope.Enter(record))
        {
            try
            {
                var response = await continuation(request, context);
                await EndAsync(record, null);
                return response;
            }
            catch (Exception e)
            {
                await EndAsync(record, e);
                throw;
            }
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (!MutatingRpcs.IsMutating(context.Method))
        {
            await continuation(request, responseStream, context);
            return;
        }
        var record = Begin(request, context);
        using (AuditScope.Enter(record))
        {
            try
            {
                await continuation(request, responseStream, context);
                await EndAsync(record, null);
            }
            catch (Exception e)
            {
                await EndAsync(record, e);
                throw;
            }
        }
    }

    private AuditRecord Begin(object request, ServerCallContext context)
    {
        var (principal, onBehalfOf) = AuditCaller.Of(context);
        var (target, shop) = AuditTargets.Describe(request);
        return new AuditRecord
        {
            OccurredAt = time.GetUtcNow(),
            Principal = principal,
            OnBehalfOf = onBehalfOf,
            Rpc = context.Method.TrimStart('/'),
            Target = target,
            Shop = shop,
            Peer = context.Peer,
        };
    }

    /// <summary>Appends the record unless the change's transaction already holds it as succeeded.</summary>
    private async Task EndAsync(AuditRecord record, Exception? error)
    {
        record.Close();
        // A committed change has its record; a stream cut off afterwards (client gone, deadline) adds nothing to it.
        if (record.IsWritten && error is null or OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled or StatusCode.DeadlineExceeded })
        {
            return;
        }
        var auditEvent = error switch
        {
            null => record.ToSucceededEvent(),
            // Refused before it had a principal: not "local" (the anonymous admin of a keyless loopback server).
            RpcException { StatusCode: StatusCode.Unauthenticated } refused =>
                record.ToEvent(AuditOutcome.Denied, StatusNames.Of(refused.StatusCode), refused.Status.Detail) with { Principal = AuditCaller.Unauthenticated },
            RpcException { StatusCode: StatusCode.PermissionDenied } denied =>
                record.ToEvent(AuditOutcome.Denied, StatusNames.Of(denied.StatusCode), denied.Status.Detail),
            RpcException failed => record.ToEvent(AuditOutcome.Failed, StatusNames.Of(failed.StatusCode), failed.Status.Detail),
            OperationCanceledException => record.ToEvent(AuditOutcome.Failed, StatusNames.Of(StatusCode.Cancelled), "the call was cancelled"),
            _ => record.ToEvent(AuditOutcome.Failed, StatusNames.Of(StatusCode.Unknown), error.GetType().Name),
        };
        try
        {
            // Not the call's token: a cancelled or denied call is recorded all the same.
            await log.AppendAsync(auditEvent, CancellationToken.None);
        }
        catch (ObjectDisposedException e)
        {
            // The server is stopping and its store is closed: the call was cut off by the shutdown.
            LogAppendAfterShutdown(logger, e, auditEvent.Rpc, auditEvent.Principal, auditEvent.Outcome);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogAppendFailed(logger, e, auditEvent.Rpc, auditEvent.Principal, auditEvent.Outcome);
        }
    }

    [LoggerMessage(EventId = 7200, EventName = "AuditAppendFailed", Level = LogLevel.Error,
        Message = "The audit record of {Rpc} by {Principal} ({Outcome}) could not be written")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, string rpc, string principal, AuditOutcome outcome);

    [LoggerMessage(EventId = 7201, EventName = "AuditAppendAfterShutdown", Level = LogLevel.Warning,
        Message = "The audit record of {Rpc} by {Principal} ({Outcome}) was not written: the store had closed for shutdown")]
    private static partial void LogAppendAfterShutdown(ILogger logger, Exception exception, string rpc, string principal, AuditOutcome outcome);
}
