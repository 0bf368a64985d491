namespace ShopSync.Shopify.Client;

/// <summary>The outcome of <see cref="IShopifyCostBudgetStore.TryTakeAsync"/>.</summary>
/// <param name="Taken">True when the points were taken.</param>
/// <param name="Wait">When not taken: how long until they could be (the bucket's refill time, or a probe's poll).</param>
/// <param name="State">The bucket after the step.</param>
public sealed record ShopifyBudgetTake(bool Taken, TimeSpan Wait, ShopifyThrottleSnapshot State);
