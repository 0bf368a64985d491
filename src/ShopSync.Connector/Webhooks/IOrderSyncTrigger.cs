namespace ShopSync.Connector.Webhooks;

/// <summary>Queues a Sync Orders run for a shop, coalescing with runs already pending.</summary>
public interface IOrderSyncTrigger
{
    Task<OrderSyncTriggerResult> TriggerAsync(string shopCode, string reason, CancellationToken cancellationToken);
}

/// <param name="JobId">The entry that will pick up the change: a new one, or the pending one it joined.</param>
/// <param name="Coalesced">True when a pending entry already covered the trigger and nothing was queued.</param>
public sealed record OrderSyncTriggerResult(string JobId, bool Coalesced);
