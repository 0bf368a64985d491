namespace ShopSync.Connector.Status;

/// <summary>A run of records of one shop and the cursor after it.</summary>
/// <param name="Records">The records, in the cue's order.</param>
/// <param name="NextCursor">Where to continue; null when the shop has no more.</param>
public sealed record CueRecordChunk(IReadOnlyList<CueRecordItem> Records, string? NextCursor);
