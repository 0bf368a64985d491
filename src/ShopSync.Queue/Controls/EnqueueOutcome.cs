namespace ShopSync.Queue.Controls;

/// <summary>What a keyed enqueue returns.</summary>
/// <param name="JobIds">The entries' ids in request order.</param>
/// <param name="Replayed">True when the request id was seen before with this request: nothing new was queued.</param>
public sealed record EnqueueOutcome(IReadOnlyList<Guid> JobIds, bool Replayed);
