using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ShopSync.Shopify.Client;

/// <summary>
/// The server-wide registry of cost budgets: exactly one per store base URL, shared by every worker.
/// Registered as a singleton by <see cref="ShopifyClientServiceCollectionExtensions.AddShopifyClient"/>.
/// </summary>
public sealed class ShopifyRateLimitRegistry
{
    private readonly ConcurrentDictionary<string, ShopifyCostBudget> budgets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> observedCosts = new(StringComparer.Ordinal);
    private readonly TimeProvider timeProvider;
    private readonly ShopifyClientOptions options;

    /// <summary>Creates the registry.</summary>
    public ShopifyRateLimitRegistry(TimeProvider timeProvider, IOptions<ShopifyClientOptions> options)
    {
        this.timeProvider = timeProvider;
        this.options = options.Value;
    }

    /// <summary>The modelled bucket of a store, or null when nothing was sent to it yet.</summary>
    public ShopifyThrottleSnapshot? GetSnapshot(Uri storeBaseUrl)
    {
        var key = new ShopifyShopConnection("-", storeBaseUrl, "-").BudgetKey;
        return budgets.TryGetValue(key, out var budget) ? budget.Snapshot() : null;
    }

    internal ShopifyCostBudget For(ShopifyShopConnection shop) =>
        budgets.GetOrAdd(shop.BudgetKey, _ => new ShopifyCostBudget(timeProvider, options.DefaultMaximumAvailable, options.DefaultRestoreRate));

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
