using ShopSync.Client.Internal;
using ShopSync.Contracts.V1;

namespace ShopSync.Client;

/// <summary>shopsync.v1.AuditService: the audit trail of every mutating call.</summary>
public sealed class AuditClient
{
    private readonly ShopSyncCalls _calls;
    private readonly AuditService.AuditServiceClient _client;

    internal AuditClient(ShopSyncCalls calls, AuditService.AuditServiceClient client)
    {
        _calls = calls;
        _client = client;
    }

    /// <summary>A page of audit records, newest first; retried on UNAVAILABLE.</summary>
    public Task<ListAuditEventsResponse> ListAuditEventsAsync(ListAuditEventsRequest request, ShopSyncCallOptions? options = null, CancellationToken cancellationToken = default) =>
        _calls.UnaryAsync(o => _client.ListAuditEventsAsync(request, o), options, cancellationToken);
}
