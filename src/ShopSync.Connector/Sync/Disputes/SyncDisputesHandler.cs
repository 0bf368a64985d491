using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;

namespace ShopSync.Connector.Sync;

/// <summary>30120 Sync Disputes: Shopify Payments chargebacks and inquiries into <c>sync_disputes</c>, upserted by id.</summary>
internal sealed class SyncDisputesHandler(SyncSessionFactory sessions) : SyncReportHandler(sessions)
{
    public static readonly RequestPageDefinition Page = RequestPageDefinition.For(SyncReportIds.SyncDisputes, "Sync Disputes")
        .Code("Status", "e.g. NEEDS_RESPONSE, WON, LOST")
        .Code("Type", "CHARGEBACK or INQUIRY")
        .Build();

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.SyncDisputes,
        Name = "Sync Disputes",
        Aliases = ["disputes"],
        Description = "Imports Shopify Payments disputes (chargebacks and inquiries).",
    };

    protected override RequestPageDefinition RequestPage => Page;

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        var checkpoint = SyncCheckpoint.Read<PageCheckpoint>(session) ?? new PageCheckpoint("disputes", null, null, 0);
        long count = 0;
        await foreach (var page in session.Client.GetDisputesAsync(new ShopSync.Shopify.Client.ShopifyPageRequest(After: checkpoint.After), cancellationToken))
        {
            var now = session.Time.GetUtcNow();
            await using (var db = await session.OpenDbAsync(cancellationToken))
            {
                var selected = page.Items.Where(d => session.Filters.Matches("Status", d.Status) && session.Filters.Matches("Type", d.Type)).ToList();
                var ids = selected.Select(d => d.Id).ToList();
                var existing = await db.SyncDisputes.Where(d => d.ShopCode == session.ShopCode && ids.Contains(d.ShopifyDisputeId)).ToDictionaryAsync(d => d.ShopifyDisputeId, cancellationToken);
                foreach (var dispute in selected)
                {
                    if (!existing.TryGetValue(dispute.Id, out var row))
                    {
                        row = new SyncDisputeEntity { ShopCode = session.ShopCode, ShopifyDisputeId = dispute.Id, ImportedAt = now };
                        db.SyncDisputes.Add(row);
                    }
                    row.Status = dispute.Status;
                    row.Type = dispute.Type;
                    row.Amount = dispute.Amount.Amount;
                    row.CurrencyCode = dispute.Amount.CurrencyCode;
                    row.Reason = dispute.ReasonDetails?.Reason;
                    row.InitiatedAt = dispute.InitiatedAt;
                    row.EvidenceDueBy = dispute.EvidenceDueBy;
                    row.FinalizedOn = dispute.FinalizedOn;
                    row.ShopifyOrderId = dispute.Order?.Id;
                    row.ShopifyOrderNo = dispute.Order is { } order ? ShopifyStatusNames.OrderNo(order.Name) : null;
                }
                await db.SaveChangesAsync(cancellationToken);
                count += selected.Count;
                session.Progress.Add(pages: 1, done: selected.Count);
            }
            checkpoint = checkpoint with { After = page.EndCursor ?? checkpoint.After, Pages = checkpoint.Pages + 1 };
            await SyncCheckpoint.SaveAsync(session, checkpoint, cancellationToken);
        }
        return $"Sync Disputes: {count} dispute(s) imported or refreshed";
    }
}
