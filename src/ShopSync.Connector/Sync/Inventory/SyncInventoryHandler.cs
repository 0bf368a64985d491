using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Shopify.Client;

namespace ShopSync.Connector.Sync;

/// <summary>
/// 30102 Sync Inventory: ERP stock per item/variant and location → Shopify "available" quantities. Shopify locations map
/// to ERP location codes (<see cref="SyncLocationEntity"/>: by default the location name upper-cased with '-' for spaces).
/// Levels are read first (unless "Skip Import Stock") so only differing quantities are sent; a second run sends nothing.
/// Levels of variants without an ERP item are skipped.
/// </summary>
internal sealed class SyncInventoryHandler(SyncSessionFactory sessions) : SyncReportHandler(sessions)
{
    private const int BatchSize = 100;

    public static readonly RequestPageDefinition Page = RequestPageDefinition.For(SyncReportIds.SyncInventory, "Sync Inventory")
        .Code("Item No.")
        .Code("Variant Code")
        .Code("Location Code")
        .BooleanOption("Skip Import Stock", "Do not read Shopify's levels first: send every mapped quantity")
        .Build();

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.SyncInventory,
        Name = "Sync Inventory",
        Aliases = ["inventory"],
        Description = "Sends ERP stock per item, variant and location to Shopify inventory levels.",
    };

    protected override RequestPageDefinition RequestPage => Page;

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        var locations = await SyncLocations.RefreshAsync(session, cancellationToken);
        var skipImport = session.Filters.GetBoolean("Skip Import Stock", false);
        var sender = new InventorySender(session);
        long unchanged = 0, unmapped = 0;
        foreach (var location in locations.Where(l => l.Active && session.Filters.Matches("Location Code", l.LocationCode)))
        {
            Dictionary<string, int?> shopifyLevels = [];
            long locationUnchanged = 0, locationUnmapped = 0;
            if (!skipImport)
            {
                await foreach (var page in session.Client.GetInventoryLevelsAsync(location.ShopifyLocationId, new ShopifyPageRequest(), cancellationToken))
                {
                    session.Progress.Add(pages: 1);
                    locationUnmapped += await SyncLocations.MapLevelsAsync(session, page.Items, cancellationToken);
                    foreach (var level in page.Items)
                    {
                        shopifyLevels[level.Item.Id] = level.Quantity("available");
                    }
                }
            }
            var wanted = await ErpQuantitiesAsync(session, location, cancellationToken);
            var changes = new List<ShopifyInventoryQuantityInput>();
            foreach (var (inventoryItemId, quantity) in wanted)
            {
                if (!skipImport && (!shopifyLevels.TryGetValue(inventoryItemId, out var current) || current == quantity))
                {
                    locationUnchanged += shopifyLevels.ContainsKey(inventoryItemId) ? 1 : 0;
                    continue;
                }
                changes.Add(new ShopifyInventoryQuantityInput(inventoryItemId, location.ShopifyLocationId, quantity));
            }
            unchanged += locationUnchanged;
            unmapped += locationUnmapped;
            session.Progress.Add(done: locationUnchanged, skipped: locationUnmapped);
            foreach (var batch in changes.Chunk(BatchSize))
            {
                await sender.SendAsync(batch, cancellationToken);
            }
            session.Report($"Inventory: {location.Name} done, {sender.Sent} quantities sent");
        }
        return $"Sync Inventory: {sender.Sent} quantities sent, {unchanged} already equal, {sender.Failed} failed, {unmapped} level(s) of unmapped variants skipped";
    }

    /// <summary>ERP stock at the location, per Shopify inventory item of a mapped variant.</summary>
    private static async Task<Dictionary<string, int>> ErpQuantitiesAsync(SyncSession session, SyncLocationEntity location, CancellationToken cancellationToken)
    {
        await using var db = await session.OpenDbAsync(cancellationToken);
        var variants = await db.SyncVariants.AsNoTracking()
            .Where(v => v.ShopCode == session.ShopCode && v.ItemNo != null && v.InventoryItemId != null).ToListAsync(cancellationToken);
        var stock = await db.ErpStock.AsNoTracking().Where(s => s.LocationCode == location.LocationCode).ToListAsync(cancellationToken);
        var byKey = stock.ToDictionary(s => (s.ItemNo, s.VariantCode));
        var result = new Dictionary<string, int>();
        foreach (var v in variants)
        {
            if (!session.Filters.Matches("Item No.", v.ItemNo) || !session.Filters.Matches("Variant Code", v.VariantCode))
            {
                continue;
            }
            if (byKey.TryGetValue((v.ItemNo!, v.VariantCode), out var row) || byKey.TryGetValue((v.ItemNo!, ""), out row))
            {
                result[v.InventoryItemId!] = (int)Math.Floor(row.Quantity);
            }
        }
        return result;
    }
}
