using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Shops;

namespace ShopSync.Connector.Sync;

/// <summary>
/// 30108 Sync Products, in the shop's item_sync direction. Every run first reads the Shopify products (per-page
/// checkpoint) and maps variants to ERP items by mapping or SKU; FROM_SHOPIFY then creates/updates ERP items and prices
/// from them, TO_SHOPIFY exports unmapped ERP items as products and pushes changed titles and prices (see
/// <see cref="ProductExporter"/>). "Only Sync Prices" limits either direction to prices. Unmapped products are counted as
/// skipped (the Unmapped Products cue).
/// </summary>
internal sealed class SyncProductsHandler(SyncSessionFactory sessions) : SyncReportHandler(sessions)
{
    public static readonly RequestPageDefinition Page = RequestPageDefinition.For(SyncReportIds.SyncProducts, "Sync Products")
        .Code("Item No.")
        .Text("Title")
        .Option("Status", "Active", "Draft", "Archived")
        .BooleanOption("Only Sync Prices", "Only prices change; no products or items are created or renamed")
        .Build();

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.SyncProducts,
        Name = "Sync Products",
        Aliases = ["products"],
        Description = "Synchronises ERP items and Shopify products/variants (and prices) in the shop's item sync direction.",
    };

    protected override RequestPageDefinition RequestPage => Page;

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        if (session.Shop.ItemSync == SyncDirection.None)
        {
            return "Sync Products: shop.item_sync is NONE; nothing to do";
        }
        var onlyPrices = session.Filters.GetBoolean("Only Sync Prices", false);
        var fromShopify = session.Shop.ItemSync == SyncDirection.FromShopify;
        var checkpoint = SyncCheckpoint.Read<PageCheckpoint>(session) ?? new PageCheckpoint("map", null, null, 0);
        long mapped = 0, unmapped = 0;
        if (checkpoint.Phase == "map")
        {
            await foreach (var page in session.Client.GetProductsAsync(new ShopifyPageRequest(After: checkpoint.After), cancellationToken))
            {
                var (m, u) = await MapPageAsync(session, page.Items, fromShopify && !onlyPrices, fromShopify, cancellationToken);
                mapped += m;
                unmapped += u;
                session.Progress.Add(pages: 1, done: m, skipped: u);
                checkpoint = checkpoint with { After = page.EndCursor ?? checkpoint.After, Pages = checkpoint.Pages + 1 };
                await SyncCheckpoint.SaveAsync(session, checkpoint, cancellationToken);
                session.Report($"Products: {mapped} mapped, {unmapped} unmapped");
            }
            checkpoint = checkpoint with { Phase = "export", After = null };
            await SyncCheckpoint.SaveAsync(session, checkpoint, cancellationToken);
        }
        var exported = fromShopify ? "" : ", " + await new ProductExporter(session, onlyPrices).ExportAsync(cancellationToken);
        return $"Sync Products ({session.Shop.ItemSync}{(onlyPrices ? ", only prices" : "")}): {mapped} product(s) mapped, {unmapped} unmapped{exported}";
    }

    private static async Task<(long Mapped, long Unmapped)> MapPageAsync(
        SyncSession session, IReadOnlyList<ShopifyProduct> products, bool createItems, bool importPrices, CancellationToken cancellationToken)
    {
        var now = session.Time.GetUtcNow();
        await using var db = await session.OpenDbAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var resolver = new ItemResolver(db, session.Shop, now);
        long mapped = 0, unmapped = 0;
        foreach (var product in products)
        {
            if (!session.Filters.Matches("Title", product.Title) || !session.Filters.Matches("Status", ShopifyStatusNames.Display(product.Status)))
            {
                continue;
            }
            var row = await resolver.ProductMappingAsync(product.Id, cancellationToken);
            if (row is null)
            {
                row = new SyncProductEntity { ShopCode = session.ShopCode, ShopifyProductId = product.Id };
                db.SyncProducts.Add(row);
            }
            row.Title = product.Title;
            row.Status = product.Status;
            row.ShopifyUpdatedAt = product.UpdatedAt;
            row.UpdatedAt = now;
            string? reason = null;
            foreach (var variant in product.Variants.Nodes)
            {
                var side = new ItemResolver.ShopifySide(variant.Id, product.Id, variant.Sku, variant.Barcode,
                    variant.Title == "Default Title" ? product.Title : variant.Title, product.Title, variant.Price, variant.InventoryItem.Id);
                var (itemNo, variantCode, why) = await resolver.ResolveAsync(side, allowCreate: createItems, cancellationToken, ignoreShopSetting: true);
                reason ??= why;
                if (itemNo is not null && importPrices)
                {
                    await ImportPriceAsync(db, itemNo, variantCode, variant.Price, now, cancellationToken);
                }
                if (itemNo is not null && createItems && await db.ErpItems.FindAsync([itemNo], cancellationToken) is { } item && item.Description != product.Title)
                {
                    item.Description = ErpNormalization.Truncate(product.Title, 100);
                    item.UpdatedAt = now;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            row = await resolver.ProductMappingAsync(product.Id, cancellationToken);
            if (row!.ItemNo is null && !session.Filters.Matches("Item No.", null))
            {
                continue;
            }
            if (row.ItemNo is null)
            {
                row.MappingError = reason;
                unmapped++;
            }
            else
            {
                row.MappingError = null;
                mapped++;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (mapped, unmapped);
    }

    private static async Task ImportPriceAsync(Persistence.ConnectorDbContext db, string itemNo, string variantCode, decimal price, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (variantCode.Length > 0 && await db.ErpItemVariants.FindAsync([itemNo, variantCode], cancellationToken) is { } variant)
        {
            if (variant.UnitPrice != price)
            {
                variant.UnitPrice = price;
                variant.UpdatedAt = now;
            }
        }
        else if (await db.ErpItems.FindAsync([itemNo], cancellationToken) is { } item && item.UnitPrice != price)
        {
            item.UnitPrice = price;
            item.UpdatedAt = now;
        }
    }
}
