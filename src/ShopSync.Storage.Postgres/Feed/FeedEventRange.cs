namespace ShopSync.Storage.Postgres.Feed;

/// <summary>Events of one entry that a node wrote: sequences <see cref="From"/> to <see cref="To"/>.</summary>
/// <param name="JobId">The entry.</param>
/// <param name="From">The first sequence.</param>
/// <param name="To">The last sequence.</param>
internal readonly record struct FeedEventRange(Guid JobId, long From, long To);
