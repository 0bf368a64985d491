using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Queue.Handlers;
using ShopSync.Shopify.Client;
using ShopSync.Connector.Erp;

namespace ShopSync.Connector.Sync;

/// <summary>
/// 30105 Sync Payments: Shopify Payments payouts (<c>sync_payouts</c>) and balance transactions (ERP payments, linked to the
/// sales document of their order). Both are upserted by Shopify id, page by page with a checkpoint per page.
/// </summary>
internal sealed class SyncPaymentsHandler(SyncSessionFactory sessions) : SyncReportHandler(sessions)
{
    public static readonly RequestPageDefinition Page = RequestPageDefinition.For(SyncReportIds.SyncPayments, "Sync Payments")
        .Code("Type", "Balance transaction type, e.g. CHARGE, REFUND")
        .DateTime("Transaction Date")
        .Boolean("Test")
        .Build();

    public override ReportDefinition Definition { get; } = new()
    {
        RequiresShop = true,
        ReportId = SyncReportIds.SyncPayments,
        Name = "Sync Payments",
        Aliases = ["payments"],
        Description = "Imports Shopify Payments payouts and payment transactions.",
    };

    protected override RequestPageDefinition RequestPage => Page;

    protected override async Task<string> RunAsync(SyncSession session, CancellationToken cancellationToken)
    {
        var checkpoint = SyncCheckpoint.Read<PageCheckpoint>(session) ?? new PageCheckpoint("payouts", null, null, 0);
        long payouts = 0, transactions = 0;
        if (checkpoint.Phase == "payouts")
        {
            await foreach (var page in session.Client.GetPayoutsAsync(new ShopifyPageRequest(After: checkpoint.After), cancellationToken))
            {
                payouts += await UpsertPayoutsAsync(session, page.Items, cancellationToken);
                checkpoint = checkpoint with { After = page.EndCursor ?? checkpoint.After, Pages = checkpoint.Pages + 1 };
                await SyncCheckpoint.SaveAsync(session, checkpoint, cancellationToken);
            }
            checkpoint = checkpoint with { Phase = "transactions", After = null };
            await SyncCheckpoint.SaveAsync(session, checkpoint, cancellationToken);
        }
        await foreach (var page in session.Client.GetBalanceTransactionsAsync(new ShopifyPageRequest(After: checkpoint.After), cancellationToken))
        {
            transactions += await UpsertTransactionsAsync(session, page.Items, cancellationToken);
            checkpoint = checkpoint with { After = page.EndCursor ?? checkpoint.After, Pages = checkpoint.Pages + 1 };
            await SyncCheckpoint.SaveAsync(session, checkpoint, cancellationToken);
            session.Report($"Payments: {payouts} payout(s), {transactions} transaction(s)");
        }
        return $"Sync Payments: {payouts} payout(s) and {transactions} transaction(s) imported or refreshed";
    }

    private static async Task<long> UpsertPayoutsAsync(SyncSession session, IReadOnlyList<ShopifyPayout> payouts, CancellationToken cancellationToken)
    {
        var now = session.Time.GetUtcNow();
        await using var db = await session.OpenDbAsync(cancellationToken);
        var ids = payouts.Select(p => p.Id).ToList();
        var existing = await db.SyncPayouts.Where(p => p.ShopCode == session.ShopCode && ids.Contains(p.ShopifyPayoutId)).ToDictionaryAsync(p => p.ShopifyPayoutId, cancellationToken);
        foreach (var payout in payouts)
        {
            if (!existing.TryGetValue(payout.Id, out var row))
            {
                row = new SyncPayoutEntity { ShopCode = session.ShopCode, ShopifyPayoutId = payout.Id, ImportedAt = now };
                db.SyncPayouts.Add(row);
            }
            row.IssuedAt = payout.IssuedAt;
            row.Status = payout.Status;
            row.Net = payout.Net.Amount;
            row.CurrencyCode = payout.Net.CurrencyCode;
            row.ChargesGross = payout.Summary?.ChargesGross.Amount;
            row.ChargesFee = payout.Summary?.ChargesFee.Amount;
        }
        await db.SaveChangesAsync(cancellationToken);
        session.Progress.Add(pages: 1, done: payouts.Count);
        return payouts.Count;
    }

    private static async Task<long> UpsertTransactionsAsync(SyncSession session, IReadOnlyList<ShopifyBalanceTransaction> transactions, CancellationToken cancellationToken)
    {
        var now = session.Time.GetUtcNow();
        await using var db = await session.OpenDbAsync(cancellationToken);
        var selected = transactions.Where(t => session.Filters.Matches("Type", t.Type) && session.Filters.Matches("Transaction Date", t.TransactionDate)
                                               && session.Filters.Matches("Test", t.Test)).ToList();
        var ids = selected.Select(t => t.Id).ToList();
        var existing = await db.ErpPayments.Where(p => p.ShopCode == session.ShopCode && ids.Contains(p.ShopifyTransactionId)).ToDictionaryAsync(p => p.ShopifyTransactionId, cancellationToken);
        var orderIds = selected.Select(t => t.AssociatedOrder?.Id).OfType<string>().Distinct().ToList();
        var documents = await db.ErpSalesDocuments.Where(d => d.ShopCode == session.ShopCode && orderIds.Contains(d.ShopifyOrderId!))
            .ToDictionaryAsync(d => d.ShopifyOrderId!, d => d.No, cancellationToken);
        foreach (var t in selected)
        {
            if (!existing.TryGetValue(t.Id, out var row))
            {
                row = new ErpPaymentEntity { ShopCode = session.ShopCode, ShopifyTransactionId = t.Id, ImportedAt = now };
                db.ErpPayments.Add(row);
            }
            row.TransactionType = t.Type;
            row.Test = t.Test;
            row.TransactionDate = t.TransactionDate;
            row.Amount = t.Amount.Amount;
            row.Fee = t.Fee.Amount;
            row.Net = t.Net.Amount;
            row.CurrencyCode = t.Amount.CurrencyCode;
            row.ShopifyOrderId = t.AssociatedOrder?.Id;
            row.ShopifyOrderNo = t.AssociatedOrder is { } order ? ShopifyStatusNames.OrderNo(order.Name) : null;
            row.SalesDocumentNo = t.AssociatedOrder?.Id is { } id && documents.TryGetValue(id, out var no) ? no : row.SalesDocumentNo;
            row.ShopifyPayoutId = t.AssociatedPayout?.Id;
            row.PayoutStatus = t.AssociatedPayout?.Status;
        }
        await db.SaveChangesAsync(cancellationToken);
        session.Progress.Add(pages: 1, done: selected.Count);
        return selected.Count;
    }
}
