namespace ShopSync.Queue.Recurrence;

/// <summary>
/// A grid laid out in local wall-clock time (weekly windows, cron). Because the wall-clock-to-instant mapping
/// never decreases, the next occurrence after an instant is the first grid reading at or after that instant's
/// reading whose instant is strictly later; gap readings that collapse onto one instant are thereby deduplicated.
/// </summary>
internal abstract class WallClockGrid : OccurrenceGrid
{
    protected WallClockGrid(ZoneClock clock)
        : base(clock)
    {
    }

    /// <summary>The first grid reading at or after <paramref name="local"/>, or null when there is none.</summary>
    protected abstract DateTime? FirstAtOrAfter(DateTime local);

    /// <inheritdoc />
    public override DateTimeOffset? Next(DateTimeOffset after, DateTimeOffset chainAnchor)
    {
        var from = Clock.ToLocal(after);
        while (true)
        {
            if (FirstAtOrAfter(from) is not { } reading)
            {
                return null;
            }

            var instant = Clock.ToInstant(reading);
            if (instant > after)
            {
                return instant;
            }

            // Only readings inside a fall-back repeat or a gap land here; there are at most an hour's worth.
            from = reading.AddTicks(1);
        }
    }
}
