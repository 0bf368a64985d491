namespace ShopSync.Shopify.Client;

/// <summary>
/// Where the cost budgets of stores live when several processes (nodes) call the same stores: every node takes from
/// and settles into one shared bucket per store, so together they never overdraw it. Registered by a storage provider
/// that several nodes share (PostgreSQL); without one, each process keeps its own in-memory budget.
/// </summary>
public interface IShopifyCostBudgetStore
{
    /// <summary>
    /// In one atomic step on the store's bucket: refill it by the time passed, and take <paramref name="cost"/> points
    /// if they are available (else nothing). Until the store has answered once, only one caller at a time may probe it.
    /// </summary>
    /// <param name="budgetKey">The store's budget key (one per store base URL).</param>
    /// <param name="cost">Points to take (the estimated query cost).</param>
    /// <param name="defaultMaximum">Bucket size to assume before the store reported its own.</param>
    /// <param name="defaultRestoreRate">Restore rate to assume before the store reported its own.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<ShopifyBudgetTake> TryTakeAsync(string budgetKey, double cost, double defaultMaximum, double defaultRestoreRate, CancellationToken cancellationToken);

    /// <summary>
    /// Ends an attempt that took <paramref name="reserved"/> points: gives back what the store did not charge and, when
    /// the response carried the store's throttle status, calibrates the bucket with it, less what other attempts still
    /// hold (the store has not charged those yet), taking the more cautious of the two.
    /// </summary>
    /// <param name="budgetKey">The store's budget key.</param>
    /// <param name="reserved">The points the attempt took.</param>
    /// <param name="charged">The points the store charged, or null when unknown (no answer: nothing is given back).</param>
    /// <param name="status">The store's throttle status, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask SettleAsync(string budgetKey, double reserved, double? charged, ShopifyThrottleStatus? status, CancellationToken cancellationToken);
}
