using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Erp;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Sync;

namespace ShopSync.Connector.Status;

/// <summary>
/// The records behind a connector cue, keyset-paged per shop on the same indexes the counts use (oldest first; API
/// errors newest first). Cursors are opaque strings: "" starts, a returned <see cref="CueRecordChunk.NextCursor"/> continues.
/// </summary>
public sealed class ConnectorCueRecords(IDbContextFactory<ConnectorDbContext> contexts)
{
    /// <summary>Up to <paramref name="take"/> records of <paramref name="cue"/> for one shop after <paramref name="cursor"/>.</summary>
    /// <exception cref="StatusValidationException">The cue is not a connector cue, or the cursor is not one this class issued.</exception>
    public async Task<CueRecordChunk> ListAsync(string shopCode, StatusCue cue, string cursor, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return cue switch
        {
            StatusCue.UnmappedCustomers => await CustomersAsync(db, shopCode, Id(cursor), take, cancellationToken),
            StatusCue.UnmappedCompanies => await CompaniesAsync(db, shopCode, Id(cursor), take, cancellationToken),
            StatusCue.UnmappedProducts => await ProductsAsync(db, shopCode, Id(cursor), take, cancellationToken),
            StatusCue.UnprocessedOrders => await OrdersAsync(db, shopCode, Id(cursor), take, cancellationToken),
            StatusCue.UnprocessedOrderUpdates => await OrderUpdatesAsync(db, shopCode, Id(cursor), take, cancellationToken),
            StatusCue.UnprocessedShipments => await ShipmentsAsync(db, shopCode, ErpFulfillmentState.Pending, Id(cursor), take, null, cancellationToken),
            StatusCue.ShipmentErrors => await ShipmentsAsync(db, shopCode, ErpFulfillmentState.Error, Id(cursor), take, null, cancellationToken),
            StatusCue.SkippedRecords => await SkippedAsync(db, shopCode, cursor, take, cancellationToken),
            StatusCue.ApiErrors => await ApiErrorsAsync(db, shopCode, cursor, take, cancellationToken),
            _ => throw new StatusValidationException("cue", $"{cue} has no connector records"),
        };
    }

    private static async Task<CueRecordChunk> CustomersAsync(ConnectorDbContext db, string shop, long after, int take, CancellationToken ct)
    {
        var rows = await db.SyncCustomers.AsNoTracking()
            .Where(c => c.ShopCode == shop && c.CustomerNo == null && c.Id > after).OrderBy(c => c.Id).Take(take + 1).ToListAsync(ct);
        return Chunk(rows, take, r => r.Id.ToString(CultureInfo.InvariantCulture), c => new CueRecordItem(
            shop, c.ShopifyCustomerId, Join($"{c.FirstName} {c.LastName}".Trim(), c.Email ?? c.Phone),
            c.MappingError ?? "no ERP customer linked", c.UpdatedAt));
    }

    private static async Task<CueRecordChunk> CompaniesAsync(ConnectorDbContext db, string shop, long after, int take, CancellationToken ct)
    {
        var rows = await db.SyncCompanies.AsNoTracking()
            .Where(c => c.ShopCode == shop && c.CustomerNo == null && c.Id > after).OrderBy(c => c.Id).Take(take + 1).ToListAsync(ct);
        return Chunk(rows, take, r => r.Id.ToString(CultureInfo.InvariantCulture), c => new CueRecordItem(
            shop, c.ShopifyCompanyId, Join(c.Name, c.MainContactEmail), c.MappingError ?? "no ERP customer linked", c.UpdatedAt));
    }

    private static async Task<CueRecordChunk> ProductsAsync(ConnectorDbContext db, string shop, long after, int take, CancellationToken ct)
    {
        var rows = await db.SyncProducts.AsNoTracking()
            .Where(p => p.ShopCode == shop && p.ItemNo == null && p.Id > after).OrderBy(p => p.Id).Take(take + 1).ToListAsync(ct);
        return Chunk(rows, take, r => r.Id.ToString(CultureInfo.InvariantCulture), p => new CueRecordItem(
            shop, p.ShopifyProductId, p.Title, p.MappingError ?? "no ERP item linked", p.UpdatedAt));
    }

    private static async Task<CueRecordChunk> OrdersAsync(ConnectorDbContext db, string shop, long after, int take, CancellationToken ct)
    {
        var rows = await db.SyncOrders.AsNoTracking()
            .Where(o => o.ShopCode == shop && o.Status == SyncOrderStatus.Unprocessed && o.Id > after).OrderBy(o => o.Id).Take(take + 1)
            .Select(o => new { o.Id, o.ShopifyOrderId, o.OrderNo, o.Email, o.Total, o.CurrencyCode, o.ProcessingError, o.ImportedAt })
            .ToListAsync(ct);
        return Chunk(rows, take, r => r.Id.ToString(CultureInfo.InvariantCulture), o => new CueRecordItem(
            shop, o.ShopifyOrderId, Join($"order {o.OrderNo}", $"{o.Email} {o.Total.ToString(CultureInfo.InvariantCulture)} {o.CurrencyCode}".Trim()),
            o.ProcessingError ?? "no sales document yet (Create Sales Orders has not processed it)", o.ImportedAt));
    }

    private static async Task<CueRecordChunk> OrderUpdatesAsync(ConnectorDbContext db, string shop, long after, int take, CancellationToken ct)
    {
        var rows = await db.SyncOrders.AsNoTracking()
            .Where(o => o.ShopCode == shop && o.HasUnprocessedUpdate && o.Id > after).OrderBy(o => o.Id).Take(take + 1)
            .Select(o => new { o.Id, o.ShopifyOrderId, o.OrderNo, o.SalesDocumentNo, o.FinancialStatus, o.FulfillmentStatus, o.ShopifyUpdatedAt })
            .ToListAsync(ct);
        return Chunk(rows, take, r => r.Id.ToString(CultureInfo.InvariantCulture), o => new CueRecordItem(
            shop, o.ShopifyOrderId, $"order {o.OrderNo} ({o.FinancialStatus}, {o.FulfillmentStatus})",
            $"changed in Shopify after sales document {o.SalesDocumentNo} was created", o.ShopifyUpdatedAt));
    }

    private static async Task<CueRecordChunk> ShipmentsAsync(
        ConnectorDbContext db, string shop, ErpFulfillmentState state, long after, int take, string? prefix, CancellationToken ct)
    {
        var rows = await db.ErpPostedShipments.AsNoTracking()
            .Where(s => s.ShopCode == shop && s.FulfillmentState == state && s.Id > after).OrderBy(s => s.Id).Take(take + 1)
            .Select(s => new { s.Id, s.No, s.ShopifyOrderNo, s.SalesOrderNo, s.FulfillmentError, s.CreatedAt, s.FulfillmentUpdatedAt })
            .ToListAsync(ct);
        var reason = state switch
        {
            ErpFulfillmentState.Pending => "not yet sent to Shopify as a fulfillment",
            ErpFulfillmentState.Error => "the fulfillment failed",
            _ => "skipped",
        };
        return Chunk(rows, take, r => prefix + r.Id.ToString(CultureInfo.InvariantCulture), s => new CueRecordItem(
            shop, s.No, $"shipment {s.No} of order {s.ShopifyOrderNo} (sales order {s.SalesOrderNo})",
            s.FulfillmentError ?? reason, s.FulfillmentUpdatedAt ?? s.CreatedAt));
    }

    /// <summary>Record issues of kind Skipped first ("i" cursors), then skipped shipments ("s" cursors).</summary>
    private static async Task<CueRecordChunk> SkippedAsync(ConnectorDbContext db, string shop, string cursor, int take, CancellationToken ct)
    {
        if (!cursor.StartsWith('s'))
        {
            var after = cursor.Length == 0 ? 0 : Id(cursor[1..]);
            var rows = await db.SyncRecordIssues.AsNoTracking()
                .Where(i => i.ShopCode == shop && i.Kind == SyncRecordIssueKind.Skipped && i.Id > after).OrderBy(i => i.Id).Take(take + 1)
                .ToListAsync(ct);
            var issues = Chunk(rows, take, r => "i" + r.Id.ToString(CultureInfo.InvariantCulture), i => new CueRecordItem(
                shop, i.RecordKey, $"record of task {i.ReportId}", i.Message, i.At));
            if (issues.NextCursor is not null)
            {
                return issues;
            }
            var remaining = take - issues.Records.Count;
            if (remaining == 0)
            {
                return issues with { NextCursor = "s0" };
            }
            var shipments = await ShipmentsAsync(db, shop, ErpFulfillmentState.Skipped, 0, remaining, "s", ct);
            return new CueRecordChunk([.. issues.Records, .. shipments.Records], shipments.NextCursor);
        }
        return await ShipmentsAsync(db, shop, ErpFulfillmentState.Skipped, Id(cursor[1..]), take, "s", ct);
    }

    /// <summary>Newest first on (shop, failed, started_at): cursor "ticks:id" of the last record returned.</summary>
    private static async Task<CueRecordChunk> ApiErrorsAsync(ConnectorDbContext db, string shop, string cursor, int take, CancellationToken ct)
    {
        var query = db.ShopifyApiCalls.AsNoTracking().Where(c => c.ShopCode == shop && c.Failed);
        if (cursor.Length > 0)
        {
            var parts = cursor.Split(':');
            if (parts.Length != 2)
            {
                throw BadCursor();
            }
            var at = new DateTimeOffset(Id(parts[0]), TimeSpan.Zero);
            var id = Id(parts[1]);
            query = query.Where(c => c.StartedAt < at || (c.StartedAt == at && c.Id < id));
        }
        var rows = await query.OrderByDescending(c => c.StartedAt).ThenByDescending(c => c.Id).Take(take + 1).ToListAsync(ct);
        return Chunk(rows, take, r => $"{r.StartedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{r.Id.ToString(CultureInfo.InvariantCulture)}", c => new CueRecordItem(
            shop, c.RequestId ?? c.Id.ToString(CultureInfo.InvariantCulture),
            $"{c.OperationName} ({c.Outcome}{(c.HttpStatus is { } status ? $", HTTP {status}" : "")}, {c.Retries} retries)",
            c.Error ?? c.Outcome.ToString(), c.StartedAt));
    }

    private static CueRecordChunk Chunk<T>(List<T> rows, int take, Func<T, string> cursorOf, Func<T, CueRecordItem> map)
    {
        var page = rows.Count > take ? rows[..take] : rows;
        return new CueRecordChunk(page.Select(map).ToList(), rows.Count > take ? cursorOf(page[^1]) : null);
    }

    private static string Join(string first, string? second) =>
        string.IsNullOrWhiteSpace(second) ? first : first.Length == 0 ? second : $"{first} <{second}>";

    private static long Id(string cursor) =>
        cursor.Length == 0 ? 0
        : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
        : throw BadCursor();

    private static StatusValidationException BadCursor() =>
        new("page_token", "is not a page token this server issued; pass next_page_token from the previous response");
}
