namespace ShopSync.Queue.Storage;

/// <summary>
/// An idempotency key for one enqueue call (AIP-155 <c>request_id</c>): stored in the same transaction as the entries,
/// so a retry with the same id finds either nothing (and inserts) or the entries of the first call (and inserts nothing).
/// </summary>
/// <param name="RequestId">The caller's id (a UUID in canonical form).</param>
/// <param name="RequestHash">A hash of the request without its id: the same id with another request is refused.</param>
/// <param name="ExpiresAt">Until when the key answers retries; the retention sweep deletes it afterwards.</param>
public sealed record EnqueueKey(string RequestId, byte[] RequestHash, DateTimeOffset ExpiresAt);
