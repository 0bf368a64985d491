using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Storage;

/// <summary>How many entries of a category have a status, and how many of them are due (earliest start reached).</summary>
public sealed record CategoryCount(string CategoryCode, JobStatus Status, long Count, long Due);
