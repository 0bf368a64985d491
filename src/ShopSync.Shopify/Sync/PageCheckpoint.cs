namespace ShopSync.Shopify.Sync;

/// <summary>
/// The checkpoint of a paged read: the phase (for tasks that read more than one connection), the query the run
/// started with (so a retry reads the same set), the cursor after the last finished page, and pages done.
/// </summary>
internal sealed record PageCheckpoint(string Phase, string? Query, string? After, int Pages, DateTimeOffset? RunWatermark = null);
