namespace ShopSync.Queue.Storage;

/// <summary>Work another node queued: a category and when its entry is due.</summary>
/// <param name="CategoryCode">The category.</param>
/// <param name="Due">The entry's earliest start.</param>
public readonly record struct FeedWork(string CategoryCode, DateTimeOffset Due);
