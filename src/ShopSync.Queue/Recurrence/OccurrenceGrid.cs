namespace ShopSync.Queue.Recurrence;

/// <summary>The occurrences of one schedule form in one zone, ignoring earliest start and expiration.</summary>
internal abstract class OccurrenceGrid
{
    protected OccurrenceGrid(ZoneClock clock)
    {
        Clock = clock;
    }

    protected ZoneClock Clock { get; }

    /// <summary>
    /// The first fixed-rate occurrence strictly after <paramref name="after"/>. <paramref name="chainAnchor"/>
    /// is only read by date formulas: its local date is the first link of the chain.
    /// </summary>
    public abstract DateTimeOffset? Next(DateTimeOffset after, DateTimeOffset chainAnchor);

    /// <summary>The fixed-delay occurrence that follows a run completed at <paramref name="completedAt"/>.</summary>
    public abstract DateTimeOffset? NextAfterCompletion(DateTimeOffset completedAt);
}
