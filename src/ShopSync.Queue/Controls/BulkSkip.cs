namespace ShopSync.Queue.Controls;

/// <summary>An entry a bulk update left unchanged, and why.</summary>
public sealed record BulkSkip(Guid JobId, string Reason);
