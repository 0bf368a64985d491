using ShopSync.Client.Internal;
using ShopSync.Contracts.V1;

namespace ShopSync.Client;

/// <summary>shopsync.v1.SyncStatusService: what needs an operator's attention, per shop.</summary>
public sealed class SyncStatusClient
{
    private readonly ShopSyncCalls _calls;
    private readonly SyncStatusService.SyncStatusServiceClient _client;

    internal SyncStatusClient(ShopSyncCalls calls, SyncStatusService.SyncStatusServiceClient client)
    {
        _calls = calls;
        _client = client;
    }

    /// <summary>The cues and task health; retried on UNAVAILABLE.</summary>
    public Task<GetSyncStatusResponse> GetSyncStatusAsync(GetSyncStatusRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.GetSyncStatusAsync(request, o), options, cancellationToken);

    /// <summary>The status whenever it changes, until cancelled; reconnects on UNAVAILABLE before the first message.</summary>
    public IAsyncEnumerable<WatchSyncStatusResponse> WatchSyncStatusAsync(WatchSyncStatusRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.StreamAsync(o => _client.WatchSyncStatus(request, o), options, cancellationToken);

    /// <summary>The records behind one cue; retried on UNAVAILABLE.</summary>
    public Task<ListCueRecordsResponse> ListCueRecordsAsync(ListCueRecordsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.ListCueRecordsAsync(request, o), options, cancellationToken);

    /// <summary>Sets a cue's warning and alert thresholds. Not retried.</summary>
    public Task<SetCueThresholdsResponse> SetCueThresholdsAsync(SetCueThresholdsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.SetCueThresholdsAsync(request, o), options, cancellationToken);
}
