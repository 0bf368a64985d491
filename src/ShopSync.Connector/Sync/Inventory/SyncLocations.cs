using Microsoft.EntityFrameworkCore;
using ShopSync.Shopify.Client;

namespace ShopSync.Connector.Sync;

/// <summary>Shopify locations and inventory items of a shop, mapped to ERP location codes and items.</summary>
internal static class SyncLocations
{
    /// <summary>Reads the store's locations; new ones get the code derived from their name ("Main Warehouse" → MAIN-WAREHOUSE).</summary>
    public static async Task<IReadOnlyList<SyncLocationEntity>> RefreshAsync(SyncSession session, CancellationToken cancellationToken)
    {
        var locations = await session.Client.GetLocationsAsync(cancellationToken);
        await using var db = await session.OpenDbAsync(cancellationToken);
        var stored = await db.SyncLocations.Where(l => l.ShopCode == session.ShopCode).ToDictionaryAsync(l => l.ShopifyLocationId, cancellationToken);
        foreach (var location in locations)
        {
            if (!stored.TryGetValue(location.Id, out var row))
            {
                row = new SyncLocationEntity
                {
                    ShopCode = session.ShopCode,
                    ShopifyLocationId = location.Id,
                    LocationCode = Erp.ErpNormalization.Truncate(location.Name.Trim().ToUpperInvariant().Replace(' ', '-'), 20),
                };
                db.SyncLocations.Add(row);
                stored[location.Id] = row;
            }
            row.Name = location.Name;
            row.Active = location.IsActive;
        }
        await db.SaveChangesAsync(cancellationToken);
        return stored.Values.OrderBy(l => l.LocationCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>Records the inventory item of each level's variant, mapping variants to ERP items by SKU; returns the levels left unmapped.</summary>
    public static async Task<long> MapLevelsAsync(SyncSession session, IReadOnlyList<ShopifyInventoryLevel> levels, CancellationToken cancellationToken)
    {
        var now = session.Time.GetUtcNow();
        await using var db = await session.OpenDbAsync(cancellationToken);
        var resolver = new ItemResolver(db, session.Shop, now);
        long unmapped = 0;
        foreach (var level in levels)
        {
            if (level.Item.Variant?.Id is not { } variantId)
            {
                continue;
            }
            var mapping = await resolver.VariantMappingAsync(variantId, cancellationToken);
            if (mapping?.ItemNo is not null)
            {
                mapping.InventoryItemId ??= level.Item.Id;
                continue;
            }
            var (itemNo, _, _) = await resolver.ResolveAsync(
                new ItemResolver.ShopifySide(variantId, mapping?.ShopifyProductId, level.Item.Sku, null, level.Item.Sku ?? variantId, null, mapping?.Price ?? 0, level.Item.Id),
                allowCreate: false, cancellationToken);
            unmapped += itemNo is null ? 1 : 0;
        }
        await db.SaveChangesAsync(cancellationToken);
        return unmapped;
    }
}
