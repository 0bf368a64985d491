namespace ShopSync.Queue.Events;

/// <summary>One event of an entry's life. <see cref="Sequence"/> grows by one per entry (gaps only where progress was coalesced).</summary>
/// <param name="JobId">The entry.</param>
/// <param name="Sequence">Per-entry sequence number, starting at 1.</param>
/// <param name="Time">When it happened.</param>
/// <param name="Data">What happened: one of the <see cref="JobEventData"/> subtypes.</param>
public sealed record JobEvent(Guid JobId, long Sequence, DateTimeOffset Time, JobEventData Data)
{
    /// <summary>True for the event that ends a run or the entry's life (a watch ends after it).</summary>
    public bool IsFinal => Data is JobCompleted;
}
