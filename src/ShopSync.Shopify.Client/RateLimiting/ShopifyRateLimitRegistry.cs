using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ShopSync.Shopify.Client;

/// <summary>
/// The server-wide registry of cost budgets: exactly one per store base URL, shared by every worker.
/// Registered as a singleton by <see cref="ShopifyClientServiceCollectionExtensions.AddShopifyClient"/>. With an
/// <see cref="IShopifyCostBudgetStore"/> registered (several nodes on one PostgreSQL), each budget lives there and is
/// shared by every node; without one, in this process.
/// </summary>
public sealed class ShopifyRateLimitRegistry
{
    private readonly ConcurrentDictionary<string, ICostBudget> budgets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> observedCosts = new(StringComparer.Ordinal);
    private readonly TimeProvider timeProvider;
    private readonly ShopifyClientOptions options;
    private readonly IShopifyCostBudgetStore? sharedBudgets;

    /// <summary>Creates the registry.</summary>
    /// <param name="timeProvider">The clock of the in-process budgets and of the waits.</param>
    /// <param name="options">The default bucket figures.</param>
    /// <param name="sharedBudgets">Where the budgets live when nodes share them; null keeps them in this process.</param>
    public ShopifyRateLimitRegistry(TimeProvider timeProvider, IOptions<ShopifyClientOptions> options, IShopifyCostBudgetStore? sharedBudgets = null)
    {
        this.timeProvider = timeProvider;
        this.options = options.Value;
        this.sharedBudgets = sharedBudgets;
    }

    /// <summary>The modelled bucket of a store, or null when nothing was sent to it yet.</summary>
    public ShopifyThrottleSnapshot? GetSnapshot(Uri storeBaseUrl)
    {
        var key = new ShopifyShopConnection("-", storeBaseUrl, "-").BudgetKey;
        return budgets.TryGetValue(key, out var budget) ? budget.Snapshot() : null;
    }

    internal ICostBudget For(ShopifyShopConnection shop) =>
        budgets.GetOrAdd(shop.BudgetKey, key => sharedBudgets is { } shared
            ? new SharedCostBudget(shared, key, timeProvider, options.DefaultMaximumAvailable, options.DefaultRestoreRate)
            : new ShopifyCostBudget(timeProvider, options.DefaultMaximumAvailable, options.DefaultRestoreRate));

    /// <summary>The cost to reserve for an operation: the store's last requestedQueryCost for the same shape, else a default.</summary>
    internal int Estimate(ShopifyShopConnection shop, string costKey, bool isMutation, int? declaredEstimate)
    {
        if (observedCosts.TryGetValue(shop.BudgetKey + "|" + costKey, out var seen))
        {
            return seen;
        }

        return declaredEstimate ?? (isMutation ? 10 : options.DefaultQueryCostEstimate);
    }

    internal void Observe(ShopifyShopConnection shop, string costKey, int requestedCost) =>
        observedCosts[shop.BudgetKey + "|" + costKey] = requestedCost;
}
