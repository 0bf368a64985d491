namespace ShopSync.Queue.Storage;

/// <summary>A run a node holds.</summary>
/// <param name="JobId">The entry.</param>
/// <param name="FencingToken">The claim's token.</param>
public sealed record LeaseRef(Guid JobId, long FencingToken);
