namespace ShopSync.Queue.Controls;

/// <summary>What a purge removed (or, in a dry run, would remove).</summary>
/// <param name="Count">Entries (or log entries) deleted; in a dry run, those that match.</param>
/// <param name="DryRun">Nothing was deleted.</param>
/// <param name="Complete">False when the purge stopped at its time bound before the end (run it again to go on).</param>
/// <param name="Cutoff">Rows that ended before this time were considered.</param>
public sealed record PurgeResult(long Count, bool DryRun, bool Complete, DateTimeOffset Cutoff);
