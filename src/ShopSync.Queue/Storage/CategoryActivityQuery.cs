namespace ShopSync.Queue.Storage;

/// <summary>What <see cref="IJobStore.ReadCategoryActivityAsync"/> reads: one shop or the scope's shops, as of a time.</summary>
/// <param name="ShopCode">Only this shop; null: any.</param>
/// <param name="Shops">Only these shops (case-insensitive); null: every shop.</param>
/// <param name="Now">Entries due at or before it count as waiting.</param>
/// <param name="Since">Runs that ended at or after it (and before <paramref name="Now"/>) count in the throughput.</param>
public sealed record CategoryActivityQuery(string? ShopCode, IReadOnlyCollection<string>? Shops, DateTimeOffset Now, DateTimeOffset Since);
