using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Connector.Erp;

namespace ShopSync.Connector.Sync;

/// <summary>
/// 296 Batch Post Sales Orders / 297 Batch Post Sales Invoices: posts the open documents created from the shop's Shopify
/// orders. An order is shipped (what is left; the posted shipment waits for Sync Shipments) and invoiced; an invoice is
/// invoiced. Each document is one transaction; a posted document is never selected again, and the posted invoice is
/// unique per source document.
/// </summary>
internal abstract class BatchPostingHandler(SyncSessionFactory sessions, ErpSalesDocumentType type) : SyncReportHandler(sessions)
{
    protected static RequestPageDefinition PageFor(int reportId, string name) => RequestPageDefinition.For(reportId, name)
        .Code("Shopify Order No.", "Shopify order number without '#'")
        .Code("No.", "The ERP document number")
        .Code("Customer No.")
        .Date("Order Date")
        .DateOption("Posting Date", "The posting date of the posted documents (default: today, UTC)")
        .Build();

    protected override bool NeedsShopify => false;

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        var postingDate = session.Filters.GetDate("Posting Date") ?? DateOnly.FromDateTime(session.Time.GetUtcNow().UtcDateTime);
        long posted = 0, shipments = 0, afterId = 0;
        while (true)
        {
            await using var db = await session.OpenDbAsync(cancellationToken);
            var batch = await db.ErpSalesDocuments.Include(d => d.Lines)
                .Where(d => d.ShopCode == session.ShopCode && d.ShopifyOrderId != null && d.DocumentType == type
                            && d.Status == ErpSalesDocumentStatus.Open && d.Id > afterId)
                .OrderBy(d => d.Id).Take(100).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var document in batch)
            {
                afterId = document.Id;
                if (!session.Filters.Matches("Shopify Order No.", document.ShopifyOrderNo) || !session.Filters.Matches("No.", document.No)
                    || !session.Filters.Matches("Customer No.", document.CustomerNo) || !session.Filters.Matches("Order Date", document.OrderDate))
                {
                    continue;
                }
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var now = session.Time.GetUtcNow();
                if (type == ErpSalesDocumentType.Order && document.Lines.Any(l => l.LineType == ErpSalesLineType.Item && l.Quantity > l.QuantityShipped))
                {
                    await ErpPosting.ShipAsync(db, document, null, null, null, null, postingDate, now, cancellationToken);
                    shipments++;
                }
                await ErpPosting.InvoiceAsync(db, document, postingDate, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                posted++;
                session.Progress.Add(done: 1);
            }
            session.Report($"{posted} document(s) posted");
        }
        return $"{Definition.Name}: {posted} document(s) posted, {shipments} shipment(s) waiting for Sync Shipments";
    }
}
