using Grpc.Core;
using Grpc.Core.Interceptors;
using ShopSync.Queue.Errors;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Shops;

namespace ShopSync.Server.Grpc;

/// <summary>
/// Turns the domain's deliberate exceptions into gRPC statuses in one place, so service methods stay free of
/// try/catch: validation → INVALID_ARGUMENT with a BadRequest naming the field; unknown resources → NOT_FOUND with
/// a ResourceInfo; conflicts → ALREADY_EXISTS or FAILED_PRECONDITION. Anything else is left to grpc-dotnet
/// (UNKNOWN, no message: EnableDetailedErrors is off). A stream's write refused because its deadline already
/// ended the response is reported as the cancellation it is.
/// </summary>
internal sealed class DomainErrorInterceptor : Interceptor
{
    private static readonly TimeProvider DeadlineClock = TimeProvider.System;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (Translate(e) is { } status)
        {
            throw status;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (Translate(e) is { } status)
        {
            throw status;
        }
        catch (InvalidOperationException e) when (CallEnded(context))
        {
            // A deadline that passes while the handler awaits (a slow store read) makes grpc-dotnet end the response
            // first and cancel the call's token after: the handler's next write or headers are then refused with
            // InvalidOperationException, which grpc-dotnet would log as a handler error. The call simply ended.
            throw new OperationCanceledException("The call ended before the stream's write.", e, context.CancellationToken);
        }
    }

    /// <summary>Cancelled (reset, deadline) or past its deadline, on grpc-dotnet's clock (the real one).</summary>
    private static bool CallEnded(ServerCallContext context) =>
        context.CancellationToken.IsCancellationRequested || context.Deadline <= DeadlineClock.GetUtcNow().UtcDateTime;

    internal static RpcException? Translate(Exception e) => e switch
    {
        ShopValidationException v => RpcErrors.Invalid(v.Field, v.Message),
        ShopNotFoundException n => RpcErrors.NotFound("shop", Quote(n.Code), n.Message),
        ShopAlreadyExistsException a => RpcErrors.AlreadyExists("shop", Quote(a.Code), a.Message),
        ErpValidationException v => RpcErrors.Invalid(v.Field, v.Message),
        ErpNotFoundException n => RpcErrors.NotFound(n.Kind, Quote(n.Key), n.Message),
        JobValidationException v => RpcErrors.Invalid(v.Field, v.Message),
        JobNotFoundException n => RpcErrors.NotFound("job", n.JobId.ToString(), $"job_id: {n.Message}"),
        JobStateException s => RpcErrors.FailedPrecondition("STATE", $"job/{s.JobId}", s.Message),
        BulkSelectionChangedException b => RpcErrors.FailedPrecondition("EXPECTED_COUNT", "expected_count", b.Message),
        EnqueueRequestConflictException c => RpcErrors.FailedPrecondition("REQUEST_ID_REUSED", $"request_id/{c.RequestId}", c.Message),
        JobOccurrenceExistsException o => RpcErrors.AlreadyExists("job", $"{o.ScheduleId}@{o.OccurrenceUtc:O}", o.Message),
        StorageUnavailableException u => StorageErrors.ToStatus(u),
        _ => null,
    };

    /// <summary>A resource name from the request, quoted as error messages quote input (at most ~100 characters).</summary>
    private static string Quote(string name) => ShopSync.Queue.Entries.RequestLimits.Quote(name);
}
