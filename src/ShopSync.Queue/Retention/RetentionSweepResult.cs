namespace ShopSync.Queue.Retention;

/// <summary>What one retention sweep removed.</summary>
/// <param name="Entries">Finished entries deleted (with their events).</param>
/// <param name="LogEntries">Log entries deleted.</param>
/// <param name="Complete">False when the time bound stopped the sweep before everything old was gone.</param>
/// <param name="RequestIds">Expired enqueue request ids deleted.</param>
public sealed record RetentionSweepResult(long Entries, long LogEntries, bool Complete, long RequestIds = 0)
{
    /// <summary>What each registered <see cref="IRetentionPart"/> removed, in registration order.</summary>
    public IReadOnlyList<RetentionPartResult> Parts { get; init; } = [];

    /// <summary>True when another node held the sweep's lease, so this node swept nothing.</summary>
    public bool Skipped { get; init; }

    /// <summary>The result of a sweep another node was running.</summary>
    public static RetentionSweepResult SkippedByLease { get; } = new(0, 0, true) { Skipped = true };
}
