using ShopSync.Queue.Entries;
using ShopSync.Server.Grpc;
using ShopSync.Connector.Shops;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Jobs;

/// <summary>
/// What a shop decides about a new entry: its job queue category (when the caller names none) and, for
/// mode AUTO, whether the caller waits (foreground) — the shop's Allow Background Syncs setting.
/// </summary>
internal sealed class ShopRunPolicy(IShopRegistry shops)
{
    /// <summary>
    /// The category, the foreground decision and the shop's own code: shop codes are matched ignoring case, and an
    /// entry (or schedule) must carry the code as stored, or filters by shop (ListJobs, WatchJobs, webhook coalescing) miss it.
    /// </summary>
    public async Task<ShopRun> ResolveRunAsync(
        string shopCode, string requestedCategory, V1.RunMode mode, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(mode))
        {
            throw RpcErrors.InvalidArgument("mode", $"unknown run mode {(int)mode}; use AUTO, FOREGROUND or BACKGROUND");
        }
        Shop? shop = null;
        if (shopCode.Length > 0)
        {
            RequestLimits.CheckLength(shopCode, JobDefaults.ShopCodeMaxLength, "shop_code");
            shop = await shops.FindAsync(shopCode, cancellationToken)
                ?? throw RpcErrors.NotFound("shop", ShopSync.Queue.Entries.RequestLimits.Quote(shopCode), $"shop_code: shop \"{ShopSync.Queue.Entries.RequestLimits.Quote(shopCode)}\" does not exist");
        }
        var category = requestedCategory.Length > 0 ? requestedCategory : shop?.JobQueueCategory;
        var foreground = mode switch
        {
            V1.RunMode.Foreground => true,
            V1.RunMode.Background => false,
            _ => shop is { AllowBackgroundSyncs: false },
        };
        return new ShopRun(shop?.Code ?? shopCode, category, foreground);
    }
}
