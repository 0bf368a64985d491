using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Filters;
using ShopSync.Shopify.Client;

namespace ShopSync.Connector.Sync;

/// <summary>Writes one page of orders into the staging table in one transaction, with the page's watermark.</summary>
internal sealed class SyncOrderPageWriter(SyncSession session)
{
    private readonly FilterCheck _check = new(session.Filters);

    public async Task<SyncOrderPageResult> WriteAsync(
        IReadOnlyList<(ShopifyOrder Order, IReadOnlyList<ShopifyLineItem> Lines)> orders, CancellationToken cancellationToken)
    {
        var result = new SyncOrderPageResult();
        if (orders.Count == 0)
        {
            return result;
        }
        var now = session.Time.GetUtcNow();
        await using var db = await session.OpenDbAsync(cancellationToken);
        var ids = orders.Select(o => o.Order.Id).ToList();
        var existing = await db.SyncOrders.Include(o => o.Lines)
            .Where(o => o.ShopCode == session.ShopCode && ids.Contains(o.ShopifyOrderId))
            .ToDictionaryAsync(o => o.ShopifyOrderId, cancellationToken);
        foreach (var (order, lines) in orders)
        {
            existing.TryGetValue(order.Id, out var row);
            if (!_check.Passes(order, row is null))
            {
                result.FilteredOut++;
                continue;
            }
            if (row is null)
            {
                row = new SyncOrderEntity { ShopCode = session.ShopCode, Status = SyncOrderStatus.Unprocessed, ImportedAt = now };
                SyncOrderMapper.Apply(row, order, lines);
                db.SyncOrders.Add(row);
                existing[order.Id] = row;
                result.Imported++;
                continue;
            }
            if (row.ShopifyUpdatedAt >= order.UpdatedAt)
            {
                result.Unchanged++;
                continue;
            }
            if (row.Status == SyncOrderStatus.Processed)
            {
                // The sales document exists: keep its lines as they were and flag the change for an operator.
                row.ShopifyUpdatedAt = order.UpdatedAt;
                row.FinancialStatus = ShopifyStatusNames.Display(order.DisplayFinancialStatus);
                row.FulfillmentStatus = ShopifyStatusNames.Display(order.DisplayFulfillmentStatus);
                row.FullyPaid = order.FullyPaid;
                row.Tags = SyncOrderMapper.Tags(order);
                row.CancelledAt = order.CancelledAt;
                row.HasUnprocessedUpdate = true;
                result.MarkedAsUpdates++;
            }
            else
            {
                SyncOrderMapper.Apply(row, order, lines);
            }
            row.ImportedAt = now;
            result.Updated++;
        }
        var pageWatermark = orders.Max(o => o.Order.UpdatedAt) - TimeSpan.FromSeconds(1);
        await SyncWatermarks.AdvanceAsync(db, session.ShopCode, SyncWatermarks.Orders, pageWatermark, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    /// <summary>The request page's filters, looked up once per run.</summary>
    private sealed class FilterCheck(RequestPageFilters filters)
    {
        public bool Passes(ShopifyOrder order, bool isNew) =>
            filters.Matches("Fully Paid", order.FullyPaid)
            && filters.Matches("Financial Status", ShopifyStatusNames.Display(order.DisplayFinancialStatus))
            && filters.Matches("Fulfillment Status", ShopifyStatusNames.Display(order.DisplayFulfillmentStatus))
            && filters.Matches("Confirmed", order.Confirmed)
            && filters.Matches("Import Action", isNew ? "New" : "Update")
            && filters.Matches("Channel", order.ChannelInformation?.ChannelDefinition?.Handle ?? order.SourceName)
            && filters.Matches("Order No.", ShopifyStatusNames.OrderNo(order.Name))
            && filters.Matches("High Risk", SyncOrderMapper.IsHighRisk(order))
            && filters.Matches("Tags", SyncOrderMapper.Tags(order))
            && filters.Matches("Sell-to Country/Region Code", order.BillingAddress?.CountryCodeV2 ?? order.ShippingAddress?.CountryCodeV2)
            && filters.Matches("Ship-to Country/Region Code", order.ShippingAddress?.CountryCodeV2)
            && filters.Matches("Bill-to Country/Region Code", order.BillingAddress?.CountryCodeV2)
            && filters.Matches("Updated At", order.UpdatedAt);
    }
}
