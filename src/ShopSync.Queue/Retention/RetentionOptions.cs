namespace ShopSync.Queue.Retention;

/// <summary>What the retention sweep deletes and how (configuration section <c>Queue:Retention</c>).</summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "Queue:Retention";

    /// <summary>Finished entries (with their events) are deleted this long after their last run ended.</summary>
    public TimeSpan FinishedEntries { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Log entries are deleted this long after their run ended (what task health reads stays).</summary>
    public TimeSpan LogEntries { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// An enqueue's request_id answers retries this long (the same entries, nothing queued twice); the sweep deletes it
    /// afterwards. Must be positive.
    /// </summary>
    public TimeSpan RequestIds { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Rows per delete: each batch is one short write on the store's single writer.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>A sweep stops after this long; the next one goes on where the rows are still old.</summary>
    public TimeSpan MaxSweepDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the housekeeping sweeps run (Coravel schedule), in minutes.</summary>
    public int SweepIntervalMinutes { get; set; } = 60;
}
