using ShopSync.Connector.Webhooks;

namespace ShopSync.Storage.Conformance.Connector;

/// <summary>
/// A stand-in for the queue's order-sync trigger, shared by every node of a test: it reads "is a sync pending?", yields
/// (the queue's read and its enqueue are separate calls), then enqueues when none was. Run by two callers at once it
/// queues twice; it counts how many ran inside it at once.
/// </summary>
public sealed class CoalescingTrigger : IOrderSyncTrigger
{
    private readonly Lock _sync = new();
    private string? _pending;
    private int _inside;
    private int _maxInside;
    private int _enqueued;

    public int Enqueued => Volatile.Read(ref _enqueued);

    public int MaxInside => Volatile.Read(ref _maxInside);

    public async Task<OrderSyncTriggerResult> TriggerAsync(string shopCode, string reason, CancellationToken cancellationToken)
    {
        var inside = Interlocked.Increment(ref _inside);
        lock (_sync)
        {
            _maxInside = Math.Max(_maxInside, inside);
        }

        try
        {
            string? seen;
            lock (_sync)
            {
                seen = _pending;
            }

            await Task.Yield();
            if (seen is not null)
            {
                return new OrderSyncTriggerResult(seen, Coalesced: true);
            }

            var id = Guid.NewGuid().ToString();
            lock (_sync)
            {
                _pending = id;
            }

            Interlocked.Increment(ref _enqueued);
            return new OrderSyncTriggerResult(id, Coalesced: false);
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }
}
