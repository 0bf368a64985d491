namespace ShopSync.Connector.Sync;

/// <summary>
/// The checkpoint of a paged read: the phase (for tasks that read more than one connection), the query the run
/// started with (so a retry reads the same set), the cursor after the last finished page, and pages done; for tasks
/// that count their records first, the total and the records read so far (the percent of a resumed run).
/// </summary>
internal sealed record PageCheckpoint(
    string Phase, string? Query, string? After, int Pages, DateTimeOffset? RunWatermark = null, long? Total = null, long Read = 0)
{
    /// <summary>The percent read (at most 99 until the run ends: records changed meanwhile can add to the total), or -1 without a total.</summary>
    public int Percent => Total is > 0 and var total ? (int)Math.Min(99, Read * 100 / total) : -1;
}
