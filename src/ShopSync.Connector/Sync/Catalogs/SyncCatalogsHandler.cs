using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Shopify.Client;

namespace ShopSync.Connector.Sync;

/// <summary>
/// 30115 Sync Catalogs (B2B): Shopify catalogs and their price lists into <c>sync_catalogs</c>. A new catalog gets the ERP
/// customer price group whose prices Sync Catalog Prices sends: its title upper-cased with '-' for spaces (changeable in the row).
/// </summary>
internal sealed class SyncCatalogsHandler(SyncSessionFactory sessions) : SyncReportHandler(sessions)
{
    public static readonly RequestPageDefinition Page = RequestPageDefinition.For(SyncReportIds.SyncCatalogs, "Sync Catalogs")
        .Text("Title")
        .Build();

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.SyncCatalogs,
        Name = "Sync Catalogs",
        Aliases = ["catalogs"],
        Description = "Imports Shopify B2B catalogs and their price lists.",
    };

    protected override RequestPageDefinition RequestPage => Page;

    public static string PriceGroupFor(string title) => Erp.ErpNormalization.Truncate(title.Trim().ToUpperInvariant().Replace(' ', '-'), 20);

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        var checkpoint = SyncCheckpoint.Read<PageCheckpoint>(session) ?? new PageCheckpoint("catalogs", null, null, 0);
        long count = 0;
        await foreach (var page in session.Client.GetCatalogsAsync(new ShopifyPageRequest(After: checkpoint.After), cancellationToken))
        {
            var now = session.Time.GetUtcNow();
            await using (var db = await session.OpenDbAsync(cancellationToken))
            {
                foreach (var catalog in page.Items.Where(c => session.Filters.Matches("Title", c.Title)))
                {
                    var row = await db.SyncCatalogs.FirstOrDefaultAsync(c => c.ShopCode == session.ShopCode && c.ShopifyCatalogId == catalog.Id, cancellationToken);
                    if (row is null)
                    {
                        row = new SyncCatalogEntity { ShopCode = session.ShopCode, ShopifyCatalogId = catalog.Id, PriceGroup = PriceGroupFor(catalog.Title) };
                        db.SyncCatalogs.Add(row);
                    }
                    row.Title = catalog.Title;
                    row.Status = catalog.Status;
                    row.PriceListId = catalog.PriceList?.Id;
                    row.PriceListCurrency = catalog.PriceList?.Currency;
                    row.UpdatedAt = now;
                    count++;
                    session.Progress.Add(done: 1);
                }
                await db.SaveChangesAsync(cancellationToken);
            }
            session.Progress.Add(pages: 1);
            checkpoint = checkpoint with { After = page.EndCursor ?? checkpoint.After, Pages = checkpoint.Pages + 1 };
            await SyncCheckpoint.SaveAsync(session, checkpoint, cancellationToken);
        }
        return $"Sync Catalogs: {count} catalog(s) imported or refreshed";
    }
}
