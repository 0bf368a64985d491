using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Storage;

/// <summary>The claim outcome for one category.</summary>
/// <param name="CategoryCode">The category.</param>
/// <param name="Status">Claimed, empty or busy.</param>
/// <param name="Job">The claimed entry (status In Process, attempts counted, lease and new fencing token set).</param>
/// <param name="LogEntryId">The log entry opened for the run.</param>
/// <param name="NextDueAt">When empty: the earliest start of the category's next queued entry, if any.</param>
public sealed record CategoryClaim(string CategoryCode, CategoryClaimStatus Status, Job? Job, long LogEntryId, DateTimeOffset? NextDueAt);
