using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.Sync;

/// <summary>Per-shop watermarks of incremental syncs. They only move forward.</summary>
internal static class SyncWatermarks
{
    public const string Orders = "orders";
    public const string Customers = "customers";
    public const string Companies = "companies";

    public static async Task<DateTimeOffset?> GetAsync(ConnectorDbContext db, string shopCode, string name, CancellationToken cancellationToken)
    {
        var row = await db.SyncWatermarks.AsNoTracking().SingleOrDefaultAsync(w => w.ShopCode == shopCode && w.Name == name, cancellationToken);
        return row?.Value;
    }

    /// <summary>Moves the watermark to <paramref name="value"/> unless it is already later (saved with the caller's changes).</summary>
    public static async Task AdvanceAsync(ConnectorDbContext db, string shopCode, string name, DateTimeOffset value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.SyncWatermarks.SingleOrDefaultAsync(w => w.ShopCode == shopCode && w.Name == name, cancellationToken);
        if (row is null)
        {
            db.SyncWatermarks.Add(new SyncWatermarkEntity { ShopCode = shopCode, Name = name, Value = value, UpdatedAt = now });
        }
        else if (value > row.Value)
        {
            row.Value = value;
            row.UpdatedAt = now;
        }
    }
}
