using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Events;

/// <summary>A run (or the entry) ended.</summary>
public sealed record JobCompleted(
    JobResult Result,
    JobStatus Status,
    string? ErrorMessage,
    string? ErrorDetail,
    JobCounters Counters,
    DateTimeOffset? NextRun) : JobEventData;
