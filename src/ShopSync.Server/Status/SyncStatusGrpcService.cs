using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Grpc;
using ShopSync.Connector.Status;

namespace ShopSync.Server.Status;

/// <summary>shopsync.v1.SyncStatusService: cues, task health, drill-downs, thresholds and the live status stream.</summary>
internal sealed class SyncStatusGrpcService(
    SyncStatusComposer composer, CueRecordLister lister, CueThresholdStore thresholds, SyncStatusWatcher watcher,
    IHostApplicationLifetime lifetime) : SyncStatusService.SyncStatusServiceBase
{
    public override Task<GetSyncStatusResponse> GetSyncStatus(GetSyncStatusRequest request, ServerCallContext context) =>
        composer.GetAsync(request.ShopCode, request.SyncErrorsWithinHours, context.CancellationToken);

    public override async Task WatchSyncStatus(WatchSyncStatusRequest request, IServerStreamWriter<WatchSyncStatusResponse> responses, ServerCallContext context)
    {
        // Ends with UNAVAILABLE when the server stops (as the job watches do), so a dashboard reconnects at once
        // instead of holding the shutdown until the host's timeout and then being cut.
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var status in watcher.WatchAsync(request.ShopCode, request.SyncErrorsWithinHours, stream.Token))
            {
                await responses.WriteAsync(new WatchSyncStatusResponse { Status = status }, stream.Token);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw RpcErrors.Unavailable("The server is shutting down; call WatchSyncStatus again once it is back.");
        }
    }

    public override Task<ListCueRecordsResponse> ListCueRecords(ListCueRecordsRequest request, ServerCallContext context) =>
        lister.ListAsync(request, context.CancellationToken);

    public override async Task<SetCueThresholdsResponse> SetCueThresholds(SetCueThresholdsRequest request, ServerCallContext context)
    {
        if (request.Cue == Cue.Unspecified || !Enum.IsDefined(request.Cue))
        {
            throw RpcErrors.InvalidArgument("cue", $"unknown cue {(int)request.Cue}; use one of {string.Join(", ", Enum.GetNames<Cue>().Skip(1))}");
        }
        try
        {
            await thresholds.SetAsync((StatusCue)(int)request.Cue, request.ShopCode.Trim(), request.WarningFrom, request.AlertFrom, context.CancellationToken);
        }
        catch (StatusValidationException e)
        {
            throw RpcErrors.InvalidArgument(e.Field, e.Problem);
        }
        return new SetCueThresholdsResponse();
    }
}
