using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Storage;

/// <summary>How many entries of a category have a status; for Ready and Waiting also the earliest due time.</summary>
public sealed record CategoryStatusCount(string CategoryCode, JobStatus Status, long Count, DateTimeOffset? EarliestDue);
