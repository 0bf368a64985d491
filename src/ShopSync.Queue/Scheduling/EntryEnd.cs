using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Scheduling;

/// <summary>How an occurrence's entry ended: its final status and result (Finished/None when it was deleted).</summary>
internal sealed record EntryEnd(DateTimeOffset? EndedAt, JobStatus Status, JobResult Result);
