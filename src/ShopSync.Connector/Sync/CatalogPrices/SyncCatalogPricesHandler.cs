using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Shopify.Client;

namespace ShopSync.Connector.Sync;

/// <summary>
/// 30116 Sync Catalog Prices (B2B): for each imported catalog with a price list, the ERP prices of its price group for
/// mapped variants (a price of variant "" applies to every variant of the item) are compared with the price list's
/// prices and only differing ones are sent (priceListFixedPricesAdd, 100 per call). A second run sends nothing.
/// </summary>
internal sealed class SyncCatalogPricesHandler(SyncSessionFactory sessions) : SyncReportHandler(sessions)
{
    public static readonly RequestPageDefinition Page = RequestPageDefinition.For(SyncReportIds.SyncCatalogPrices, "Sync Catalog Prices")
        .Text("Catalog")
        .Code("Price Group")
        .Build();

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.SyncCatalogPrices,
        Name = "Sync Catalog Prices",
        Aliases = ["catalog-prices"],
        Description = "Sends ERP customer price group prices to Shopify B2B catalog price lists.",
    };

    protected override RequestPageDefinition RequestPage => Page;

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        List<SyncCatalogEntity> catalogs;
        List<SyncVariantEntity> variants;
        List<Erp.ErpItemPriceEntity> prices;
        await using (var db = await session.OpenDbAsync(cancellationToken))
        {
            catalogs = await db.SyncCatalogs.AsNoTracking().Where(c => c.ShopCode == session.ShopCode && c.PriceListId != null).OrderBy(c => c.Id).ToListAsync(cancellationToken);
            variants = await db.SyncVariants.AsNoTracking().Where(v => v.ShopCode == session.ShopCode && v.ItemNo != null).ToListAsync(cancellationToken);
            var groups = catalogs.Select(c => c.PriceGroup).ToList();
            prices = await db.ErpItemPrices.AsNoTracking().Where(p => groups.Contains(p.PriceGroup)).ToListAsync(cancellationToken);
        }
        long sent = 0, unchanged = 0, failed = 0;
        foreach (var catalog in catalogs.Where(c => session.Filters.Matches("Catalog", c.Title) && session.Filters.Matches("Price Group", c.PriceGroup)))
        {
            var wanted = new Dictionary<string, decimal>();
            foreach (var price in prices.Where(p => p.PriceGroup == catalog.PriceGroup))
            {
                foreach (var variant in variants.Where(v => v.ItemNo == price.ItemNo && (price.VariantCode.Length == 0 || v.VariantCode == price.VariantCode)))
                {
                    if (price.VariantCode.Length > 0 || !wanted.ContainsKey(variant.ShopifyVariantId))
                    {
                        wanted[variant.ShopifyVariantId] = price.UnitPrice;
                    }
                }
            }
            var current = new Dictionary<string, decimal>();
            await foreach (var page in session.Client.GetPriceListPricesAsync(catalog.PriceListId!, new ShopifyPageRequest(), cancellationToken))
            {
                session.Progress.Add(pages: 1);
                foreach (var p in page.Items.Where(p => p.OriginType == "FIXED"))
                {
                    current[p.Variant.Id] = p.Price.Amount;
                }
            }
            var changes = wanted.Where(w => !current.TryGetValue(w.Key, out var c) || c != w.Value).ToList();
            unchanged += wanted.Count - changes.Count;
            session.Progress.Add(done: wanted.Count - changes.Count);
            foreach (var batch in changes.Chunk(100))
            {
                var input = batch.Select(c => new ShopifyPriceListPriceInput(c.Key, new ShopifyMoney(c.Value, catalog.PriceListCurrency ?? "USD"))).ToList();
                var error = await SendAsync(session, catalog.PriceListId!, input, cancellationToken);
                await using var db = await session.OpenDbAsync(cancellationToken);
                var key = $"catalog:{catalog.ShopifyCatalogId}";
                if (error is null)
                {
                    sent += batch.Length;
                    session.Progress.Add(done: batch.Length);
                    await SyncRecordIssues.ClearAsync(db, session.ShopCode, SyncReportIds.SyncCatalogPrices, key, cancellationToken);
                    var row = await db.SyncCatalogs.SingleAsync(c => c.Id == catalog.Id, cancellationToken);
                    row.PricesSyncedAt = session.Time.GetUtcNow();
                }
                else
                {
                    failed += batch.Length;
                    session.Progress.Add(failed: error.Value.Kind == SyncRecordIssueKind.Failed ? batch.Length : 0, skipped: error.Value.Kind == SyncRecordIssueKind.Skipped ? batch.Length : 0);
                    await SyncRecordIssues.SetAsync(db, session.ShopCode, SyncReportIds.SyncCatalogPrices, key, error.Value.Kind, error.Value.Message, session.Time.GetUtcNow(), cancellationToken);
                }
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return $"Sync Catalog Prices: {sent} price(s) sent, {unchanged} already equal, {failed} not sent";
    }

    private static async Task<(SyncRecordIssueKind Kind, string Message)?> SendAsync(
        SyncSession session, string priceListId, IReadOnlyList<ShopifyPriceListPriceInput> prices, CancellationToken cancellationToken)
    {
        try
        {
            var result = await session.Client.AddPriceListFixedPricesAsync(priceListId, prices, cancellationToken);
            return result.Succeeded
                ? null
                : (SyncRecordIssueKind.Failed, string.Join("; ", result.Records.SelectMany(r => r.Errors).Concat(result.UnattributedErrors).Select(e => e.Message)));
        }
        catch (ShopifyReadOnlyException e)
        {
            return (SyncRecordIssueKind.Skipped, e.Message);
        }
    }
}
