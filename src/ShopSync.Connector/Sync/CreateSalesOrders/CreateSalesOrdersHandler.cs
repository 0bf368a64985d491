using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;

namespace ShopSync.Connector.Sync;

/// <summary>
/// 30103 Create Sales Orders: imported, unprocessed orders → ERP sales orders (or invoices for fully fulfilled orders when
/// the shop says so), carrying the Shopify Order No. Orders whose customer or items cannot be found or created stay
/// unprocessed with the reason on the order. Batches of orders commit together with their status; the unique
/// (shop, Shopify order id) index on sales documents makes a second document impossible even after a crash.
/// </summary>
internal sealed class CreateSalesOrdersHandler(SyncSessionFactory sessions, IOptions<SyncOptions> options) : SyncReportHandler(sessions)
{
    public static readonly RequestPageDefinition Page = RequestPageDefinition.For(SyncReportIds.CreateSalesOrders, "Create Sales Orders")
        .Code("Order No.", "Shopify order number without '#'")
        .Option("Financial Status", ShopifyStatusNames.FinancialStatuses)
        .Option("Fulfillment Status", ShopifyStatusNames.FulfillmentStatuses)
        .Boolean("Fully Paid")
        .Code("Channel")
        .Build();

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.CreateSalesOrders,
        Name = "Create Sales Orders",
        Aliases = ["create-orders"],
        Description = "Creates ERP sales orders or invoices from imported, unprocessed Shopify orders.",
    };

    protected override RequestPageDefinition RequestPage => Page;

    protected override bool NeedsShopify => false;

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        var batchSize = options.Value.CreateSalesOrdersBatchSize;
        long afterId = 0, created = 0, invoices = 0, waiting = 0, ignored = 0;
        int total;
        await using (var db = await session.OpenDbAsync(cancellationToken))
        {
            total = await Unprocessed(db, session.ShopCode, 0).CountAsync(cancellationToken);
        }
        while (true)
        {
            await using var db = await session.OpenDbAsync(cancellationToken);
            var batch = await Unprocessed(db, session.ShopCode, afterId).OrderBy(o => o.Id).Take(batchSize)
                .Include(o => o.Lines).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            // Lookups check the tracked (Local) rows first, so the batch is saved once; change detection runs once per batch too.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = session.Time.GetUtcNow();
            var creator = new SalesDocumentCreator(db, session.Shop, now);
            var processedKeys = new List<string>();
            foreach (var order in batch)
            {
                afterId = order.Id;
                if (!Passes(session.Filters, order))
                {
                    continue;
                }
                if (order.CancelledAt is not null)
                {
                    order.Status = SyncOrderStatus.Ignored;
                    order.ProcessingError = "cancelled in Shopify: no sales document is created";
                    // Not a skip: nothing is left to do for it (a skip is what the Skipped Records cue lists to act on).
                    ignored++;
                    continue;
                }
                var (document, reason) = await creator.CreateAsync(order, cancellationToken);
                if (document is null)
                {
                    order.ProcessingError = reason;
                    waiting++;
                    session.Progress.Add(skipped: 1);
                    // The run's skips are the Skipped Records cue's records, with the reason to drill into (issue 16, defect 9).
                    await SyncRecordIssues.SetAsync(
                        db, session.ShopCode, SyncReportIds.CreateSalesOrders, OrderKey(order), SyncRecordIssueKind.Skipped, reason ?? "not processed", now, cancellationToken);
                    continue;
                }
                processedKeys.Add(OrderKey(order));
                order.Status = SyncOrderStatus.Processed;
                order.ProcessingError = null;
                order.SalesDocumentNo = document.No;
                order.SalesDocumentType = document.DocumentType;
                order.ProcessedAt = now;
                order.HasUnprocessedUpdate = false;
                created++;
                invoices += document.DocumentType == Erp.ErpSalesDocumentType.Invoice ? 1 : 0;
                session.Progress.Add(done: 1);
            }
            // An order processed now is no longer a skip of an earlier run.
            await db.SyncRecordIssues
                .Where(i => i.ShopCode == session.ShopCode && i.ReportId == SyncReportIds.CreateSalesOrders && processedKeys.Contains(i.RecordKey))
                .ExecuteDeleteAsync(cancellationToken);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var processed = created + waiting + ignored;
            session.Report($"{created} sales document(s) created, {waiting} waiting for a mapping", total == 0 ? 100 : (int)Math.Min(99, processed * 100 / total));
        }
        return $"Create Sales Orders: {created - invoices} sales order(s) and {invoices} invoice(s) created, {waiting} order(s) left unprocessed (reason on each), {ignored} cancelled order(s) ignored";
    }

    /// <summary>The order's key on the Skipped Records cue.</summary>
    private static string OrderKey(SyncOrderEntity order) => order.OrderNo;

    private static IQueryable<SyncOrderEntity> Unprocessed(Persistence.ConnectorDbContext db, string shopCode, long afterId) =>
        db.SyncOrders.Where(o => o.ShopCode == shopCode && o.Status == SyncOrderStatus.Unprocessed && o.Id > afterId);

    private static bool Passes(RequestPageFilters filters, SyncOrderEntity order) =>
        filters.Matches("Order No.", order.OrderNo)
        && filters.Matches("Financial Status", order.FinancialStatus)
        && filters.Matches("Fulfillment Status", order.FulfillmentStatus)
        && filters.Matches("Fully Paid", order.FullyPaid)
        && filters.Matches("Channel", order.Channel);
}
