namespace ShopSync.Queue.Retention;

/// <summary>
/// Something outside the queue's tables that ages out on the retention sweep (e.g. the connector's webhook dedupe rows
/// and recorded Shopify calls). The sweep runs each registered part after the queue's own, under the same database
/// lease and within what is left of its time bound.
/// </summary>
public interface IRetentionPart
{
    /// <summary>What the part removes, for the log (e.g. "webhook deliveries").</summary>
    string Name { get; }

    /// <summary>Its value of <c>shopsync.kind</c> on the <c>shopsync.queue.purged</c> counter (e.g. <c>webhook_deliveries</c>).</summary>
    string Kind { get; }

    /// <summary>Deletes what aged out, in small batches, stopping once <paramref name="budget"/> is spent.</summary>
    Task<RetentionPartResult> SweepAsync(TimeSpan budget, CancellationToken cancellationToken);
}
