using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Scheduling;

/// <summary>A schedule as stored, with its runtime state.</summary>
public sealed record StoredSchedule
{
    /// <summary>The schedule id (a version 7 UUID, so ids sort by creation).</summary>
    public required Guid Id { get; init; }

    /// <summary>What it queues and when.</summary>
    public required ScheduleDefinition Definition { get; init; }

    /// <summary>Active, On Hold or Error.</summary>
    public required ScheduleState State { get; init; }

    /// <summary>
    /// The next occurrence to queue; null when the schedule is paused, stopped, expired, or (fixed delay) waits for the
    /// completion of its current run.
    /// </summary>
    public DateTimeOffset? NextOccurrence { get; init; }

    /// <summary>The latest occurrence handled (queued, or dropped by the catch-up or overlap policy).</summary>
    public DateTimeOffset? LastOccurrence { get; init; }

    /// <summary>When the last occurrence's entry ended.</summary>
    public DateTimeOffset? LastRunAt { get; init; }

    /// <summary>The result of the last occurrence's entry.</summary>
    public JobResult LastResult { get; init; }

    /// <summary>The entry of the newest queued occurrence.</summary>
    public Guid? CurrentJobId { get; init; }

    /// <summary>When the schedule was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the schedule last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Grows by one per change; writes are conditional on it (optimistic concurrency between nodes).</summary>
    public long Version { get; init; }
}
