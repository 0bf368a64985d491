using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Storage;

/// <summary>The raw material of the category overview, read in one go by the store.</summary>
/// <param name="Counts">Entries per (category, status).</param>
/// <param name="Running">The entries In Process.</param>
/// <param name="OldestWaiting">Per category, the due Ready or Waiting entry with the earliest start (then entry no.).</param>
/// <param name="Ended">Runs ended per (category, minute of the window); minutes without runs are absent.</param>
public sealed record CategoryActivity(
    IReadOnlyList<CategoryCount> Counts, IReadOnlyList<Job> Running, IReadOnlyList<Job> OldestWaiting, IReadOnlyList<CategoryEnded> Ended);
