using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopSync.Queue.Entries;
using ShopSync.Connector.Persistence;

namespace ShopSync.Connector.RequestPages;

/// <summary>
/// Stores the default filters and options per (shop, report). The caller validates them first; this
/// store only keeps them. Shop codes are stored upper-cased, as shops are unique regardless of case.
/// </summary>
public sealed class RequestPageDefaultsStore(IDbContextFactory<ConnectorDbContext> contexts, TimeProvider time)
{
    public async Task<RequestPageDefaults> GetAsync(string shopCode, int reportId, CancellationToken cancellationToken)
    {
        var key = shopCode.Trim().ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<RequestPageDefaultsEntity>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.ShopCode == key && d.ReportId == reportId, cancellationToken);
        return row is null
            ? RequestPageDefaults.None
            : new RequestPageDefaults(
                JsonSerializer.Deserialize<List<RequestPageFilter>>(row.FiltersJson) ?? [],
                JsonSerializer.Deserialize<List<RequestPageOption>>(row.OptionsJson) ?? []);
    }

    /// <summary>Replaces the defaults; empty lists remove them.</summary>
    public async Task SetAsync(string shopCode, int reportId, RequestPageDefaults defaults, CancellationToken cancellationToken)
    {
        var key = shopCode.Trim().ToUpperInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var set = db.Set<RequestPageDefaultsEntity>();
        var row = await set.SingleOrDefaultAsync(d => d.ShopCode == key && d.ReportId == reportId, cancellationToken);
        if (defaults.Filters.Count == 0 && defaults.Options.Count == 0)
        {
            if (row is not null)
            {
                set.Remove(row);
            }
        }
        else
        {
            if (row is null)
            {
                row = new RequestPageDefaultsEntity { ShopCode = key, ReportId = reportId };
                set.Add(row);
            }
            row.FiltersJson = JsonSerializer.Serialize(defaults.Filters);
            row.OptionsJson = JsonSerializer.Serialize(defaults.Options);
            row.UpdatedAtTicks = time.GetUtcNow().UtcTicks;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
