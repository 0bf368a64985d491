namespace ShopSync.Queue.Retention;

/// <summary>What one retention sweep removed.</summary>
/// <param name="Entries">Finished entries deleted (with their events).</param>
/// <param name="LogEntries">Log entries deleted.</param>
/// <param name="Complete">False when the time bound stopped the sweep before everything old was gone.</param>
/// <param name="RequestIds">Expired enqueue request ids deleted.</param>
public sealed record RetentionSweepResult(long Entries, long LogEntries, bool Complete, long RequestIds = 0);
