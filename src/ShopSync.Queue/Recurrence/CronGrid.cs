using Quartz;

namespace ShopSync.Queue.Recurrence;

/// <summary>
/// A cron schedule: Quartz finds the next matching wall-clock reading (its expressions run in UTC on local
/// readings), the zone clock turns readings into instants.
/// </summary>
internal sealed class CronGrid : WallClockGrid
{
    private readonly IReadOnlyList<CronExpression> _expressions;

    public CronGrid(ZoneClock clock, IReadOnlyList<CronExpression> expressions)
        : base(clock)
    {
        _expressions = expressions;
    }

    /// <inheritdoc />
    protected override DateTime? FirstAtOrAfter(DateTime local)
    {
        // Quartz answers strictly after a whole second, so ask from the second before the reading.
        var whole = local.Ticks - (local.Ticks % TimeSpan.TicksPerSecond);
        var from = whole == local.Ticks ? whole - TimeSpan.TicksPerSecond : whole;
        if (from < 0)
        {
            return null;
        }

        var probe = new DateTimeOffset(from, TimeSpan.Zero);
        DateTimeOffset? best = null;
        foreach (var expression in _expressions)
        {
            // CronExpression is immutable, so sharing one across threads needs no lock.
            var next = expression.GetNextValidTimeAfter(probe);
            if (next is { } found && (best is null || found < best))
            {
                best = found;
            }
        }

        return best is { } result ? new DateTime(result.UtcTicks, DateTimeKind.Unspecified) : null;
    }

    /// <inheritdoc />
    public override DateTimeOffset? NextAfterCompletion(DateTimeOffset completedAt) => Next(completedAt, completedAt);
}
