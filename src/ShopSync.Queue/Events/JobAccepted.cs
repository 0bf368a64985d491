using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Events;

/// <summary>The entry was queued.</summary>
public sealed record JobAccepted(long EntryNo, JobStatus Status, bool Foreground) : JobEventData;
