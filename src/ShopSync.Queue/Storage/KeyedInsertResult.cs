using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Storage;

/// <summary>The outcome of an insert under an <see cref="EnqueueKey"/>.</summary>
/// <param name="Inserted">The stored entries and their events; null when the key was already there (a retry).</param>
/// <param name="JobIds">The entries' ids, in request order: new ones, or those of the first call.</param>
public sealed record KeyedInsertResult(StoreResult<IReadOnlyList<Job>>? Inserted, IReadOnlyList<Guid> JobIds)
{
    /// <summary>True when nothing was inserted because the key already held this request.</summary>
    public bool Replayed => Inserted is null;
}
