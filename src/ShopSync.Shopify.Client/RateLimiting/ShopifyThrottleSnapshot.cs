namespace ShopSync.Shopify.Client;

/// <summary>The modelled state of one store's cost bucket at a moment.</summary>
/// <param name="MaximumAvailable">Bucket size in points, as last reported by the store.</param>
/// <param name="CurrentlyAvailable">Modelled points available now (restore applied, own reservations deducted).</param>
/// <param name="RestoreRate">Points restored per second, as last reported by the store.</param>
/// <param name="IsCalibrated">False until the store answered once (defaults are in use).</param>
public sealed record ShopifyThrottleSnapshot(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate, bool IsCalibrated);
