namespace ShopSync.Queue.Health;

/// <summary>A page of failed runs.</summary>
/// <param name="Runs">Newest first.</param>
/// <param name="NextBeforeId">Pass as <c>beforeId</c> for the next page; null on the last page.</param>
/// <param name="Total">Failed runs matching the request in all pages.</param>
public sealed record FailedRunPage(IReadOnlyList<FailedRun> Runs, long? NextBeforeId, long Total);
