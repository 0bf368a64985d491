using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Events;

/// <summary>The entry was queued.</summary>
public sealed record JobAccepted(long EntryNo, JobStatus Status, bool Foreground) : JobEventData
{
    /// <summary>
    /// The accepted event (sequence 1) of an entry as its enqueue returned it: every store records it from the row
    /// as inserted (entry no., the status it was queued with, creation time), so it is what a watcher reads back.
    /// </summary>
    public static JobEvent Of(Job stored, bool foreground) =>
        new(stored.Id, 1, stored.CreatedAt, new JobAccepted(stored.EntryNo, stored.Status, foreground));
}
