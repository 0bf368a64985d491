using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Connector.Erp;

namespace ShopSync.Connector.Sync;

/// <summary>
/// 30109 Sync Shipments: pending posted shipments of the shop's Shopify orders → fulfillments with tracking. Shipments
/// without item lines, or with nothing left to fulfil in Shopify, are skipped; a refusal by Shopify marks the shipment
/// Error with the store's message (Shipment Errors cue), counts it failed and ends the run with warnings, while the
/// other shipments are still sent. Later runs try Error shipments again (a hold may have been released); the remaining
/// quantities are read first, so one fulfilled meanwhile is skipped, not sent twice. Each shipment's state is saved as
/// soon as it is sent, so a retried run never sends one twice.
/// </summary>
internal sealed class SyncShipmentsHandler(SyncSessionFactory sessions) : SyncReportHandler(sessions)
{
    public static readonly RequestPageDefinition Page = RequestPageDefinition.For(SyncReportIds.SyncShipments, "Sync Shipments")
        .Code("Shipment No.")
        .Code("Customer No.")
        .Date("Posting Date")
        .Code("Shopify Order No.")
        .Build();

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.SyncShipments,
        Name = "Sync Shipments",
        Aliases = ["shipments"],
        Description = "Sends posted shipments of Shopify orders to Shopify as fulfillments with tracking.",
    };

    protected override RequestPageDefinition RequestPage => Page;

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        var sender = new FulfillmentSender(session);
        long afterId = 0;
        while (true)
        {
            await using var db = await session.OpenDbAsync(cancellationToken);
            var batch = await db.ErpPostedShipments.Include(s => s.Lines)
                .Where(s => s.ShopCode == session.ShopCode
                    && (s.FulfillmentState == ErpFulfillmentState.Pending || s.FulfillmentState == ErpFulfillmentState.Error) && s.Id > afterId)
                .OrderBy(s => s.Id).Take(50).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var shipment in batch)
            {
                afterId = shipment.Id;
                if (!session.Filters.Matches("Shipment No.", shipment.No) || !session.Filters.Matches("Customer No.", shipment.CustomerNo)
                    || !session.Filters.Matches("Posting Date", shipment.PostingDate) || !session.Filters.Matches("Shopify Order No.", shipment.ShopifyOrderNo))
                {
                    continue;
                }
                await sender.SendAsync(shipment, cancellationToken);
                shipment.FulfillmentUpdatedAt = session.Time.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
            }
            session.Report($"Shipments: {sender.Sent} sent, {sender.Failed} failed, {sender.Skipped} skipped");
        }
        return $"Sync Shipments: {sender.Sent} fulfillment(s) sent, {sender.Failed} failed (Error), {sender.Skipped} skipped";
    }
}
