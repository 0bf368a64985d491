using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Events;

/// <summary>The entry was queued.</summary>
public sealed record JobAccepted(long EntryNo, JobStatus Status, bool Foreground) : JobEventData
{
    /// <summary>
    /// The accepted event of an entry, as every store records it when it inserts the row: sequence 1, at the entry's
    /// creation time, with its entry no. and the status it was queued with. A watcher reads back exactly this.
    /// </summary>
    public static JobEvent Of(Guid jobId, long entryNo, JobStatus status, DateTimeOffset createdAt, bool foreground) =>
        new(jobId, 1, createdAt, new JobAccepted(entryNo, status, foreground));

    /// <summary>The accepted event of an entry as its enqueue returned it (the stored row).</summary>
    public static JobEvent Of(Job stored, bool foreground) =>
        Of(stored.Id, stored.EntryNo, stored.Status, stored.CreatedAt, foreground);
}
