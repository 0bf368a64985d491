namespace ShopSync.Queue.Storage;

/// <summary>One purge batch: how many rows matched, how many were deleted, and where the next batch starts.</summary>
/// <param name="Matched">Rows that matched the filter in this batch (what a dry run counts).</param>
/// <param name="Deleted">Rows deleted (0 in a dry run; can be below <paramref name="Matched"/> when a row changed meanwhile).</param>
/// <param name="Next">The key to pass as <c>after</c> for the next batch; null when the scan reached the end.</param>
public sealed record PurgeBatch(int Matched, int Deleted, long? Next);
