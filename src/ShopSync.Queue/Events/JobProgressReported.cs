using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Events;

/// <summary>The handler reported progress.</summary>
public sealed record JobProgressReported(JobProgress Progress) : JobEventData;
