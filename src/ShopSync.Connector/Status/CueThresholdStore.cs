using Microsoft.EntityFrameworkCore;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Shops;

namespace ShopSync.Connector.Status;

/// <summary>Operator-set cue thresholds, per shop or as the default for every shop.</summary>
public sealed class CueThresholdStore(IDbContextFactory<ConnectorDbContext> contexts, IShopRegistry shops, TimeProvider time)
{
    /// <summary>Sets the threshold of <paramref name="cue"/> for one shop, or the default when <paramref name="shopCode"/> is empty.</summary>
    /// <exception cref="StatusValidationException">A field is out of range, or the shop does not exist.</exception>
    public async Task SetAsync(StatusCue cue, string shopCode, long warningFrom, long alertFrom, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(cue))
        {
            throw new StatusValidationException("cue", $"unknown cue {(int)cue}");
        }
        if (warningFrom < 0)
        {
            throw new StatusValidationException("warning_from", $"must not be negative (got {warningFrom})");
        }
        if (alertFrom < 0)
        {
            throw new StatusValidationException("alert_from", $"must not be negative (got {alertFrom})");
        }
        if (warningFrom > 0 && alertFrom > 0 && alertFrom < warningFrom)
        {
            throw new StatusValidationException("alert_from", $"must be at least warning_from ({warningFrom}) or 0 (got {alertFrom})");
        }
        if (shopCode.Length > 0 && await shops.FindAsync(shopCode, cancellationToken) is null)
        {
            throw new StatusValidationException("shop_code", $"shop '{ShopSync.Queue.Entries.RequestLimits.Quote(shopCode)}' does not exist");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.CueThresholds.FindAsync([shopCode, cue], cancellationToken);
        if (row is null)
        {
            row = new CueThresholdEntity { ShopCode = shopCode, Cue = cue };
            db.CueThresholds.Add(row);
        }
        row.WarningFrom = warningFrom;
        row.AlertFrom = alertFrom;
        row.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every stored threshold (a small table).</summary>
    public async Task<CueThresholdSet> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.CueThresholds.AsNoTracking().ToListAsync(cancellationToken);
        return new CueThresholdSet(rows.ToDictionary(r => (r.ShopCode, r.Cue), r => new CueThreshold(r.WarningFrom, r.AlertFrom)));
    }
}
