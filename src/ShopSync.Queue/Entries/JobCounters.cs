namespace ShopSync.Queue.Entries;

/// <summary>Record counters a running task reports.</summary>
/// <param name="Pages">Pages read from the remote API.</param>
/// <param name="Done">Records processed.</param>
/// <param name="Failed">Records that failed.</param>
/// <param name="Skipped">Records skipped; a successful run with skipped records ends "succeeded with warnings".</param>
public sealed record JobCounters(long Pages, long Done, long Failed, long Skipped)
{
    /// <summary>All counters zero.</summary>
    public static JobCounters Zero { get; } = new(0, 0, 0, 0);
}
