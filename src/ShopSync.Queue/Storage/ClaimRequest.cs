namespace ShopSync.Queue.Storage;

/// <summary>Claim the head of each category for one node.</summary>
/// <param name="Categories">Categories to try, in the order to try them.</param>
/// <param name="Owner">The node id recorded as lease owner.</param>
/// <param name="Now">Entries with earliest start at or before this are due; expirations before it end the entry.</param>
/// <param name="LeaseExpiresAt">The lease expiry recorded on claimed entries.</param>
public sealed record ClaimRequest(IReadOnlyList<string> Categories, string Owner, DateTimeOffset Now, DateTimeOffset LeaseExpiresAt);
