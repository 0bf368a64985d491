using Google.Protobuf.Reflection;
using ShopSync.Client.Internal;
using ShopSync.Contracts.V1;

namespace ShopSync.Client;

/// <summary>shopsync.v1.SyncStatusService: what needs an operator's attention, per shop.</summary>
public sealed class SyncStatusClient
{
    private readonly ShopSyncInvoker _invoker;

    internal SyncStatusClient(ShopSyncInvoker invoker)
    {
        _invoker = invoker;
    }

    /// <summary>The cues and task health; retried on UNAVAILABLE.</summary>
    public Task<GetSyncStatusResponse> GetSyncStatusAsync(GetSyncStatusRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<GetSyncStatusRequest, GetSyncStatusResponse>(Method("GetSyncStatus"), request, idempotent: true, options, cancellationToken);

    /// <summary>The status whenever it changes, until cancelled; reconnects on UNAVAILABLE before the first message.</summary>
    public IAsyncEnumerable<WatchSyncStatusResponse> WatchSyncStatusAsync(WatchSyncStatusRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.StreamAsync<WatchSyncStatusRequest, WatchSyncStatusResponse>(Method("WatchSyncStatus"), request, retryBeforeFirstMessage: true, options, cancellationToken);

    /// <summary>The records behind one cue; retried on UNAVAILABLE.</summary>
    public Task<ListCueRecordsResponse> ListCueRecordsAsync(ListCueRecordsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<ListCueRecordsRequest, ListCueRecordsResponse>(Method("ListCueRecords"), request, idempotent: true, options, cancellationToken);

    /// <summary>Sets a cue's warning and alert thresholds. Not retried.</summary>
    public Task<SetCueThresholdsResponse> SetCueThresholdsAsync(SetCueThresholdsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _invoker.UnaryAsync<SetCueThresholdsRequest, SetCueThresholdsResponse>(Method("SetCueThresholds"), request, idempotent: false, options, cancellationToken);

    private static MethodDescriptor Method(string name) => ShopSyncMethods.Find(ShopSyncMethods.SyncStatus, name);
}
