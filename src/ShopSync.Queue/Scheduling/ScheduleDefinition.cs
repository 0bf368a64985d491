using ShopSync.Queue.Entries;
using ShopSync.Queue.Recurrence;

namespace ShopSync.Queue.Scheduling;

/// <summary>What a recurring entry queues and when: every settable field of a schedule.</summary>
public sealed record ScheduleDefinition
{
    /// <summary>The shop each occurrence syncs.</summary>
    public string ShopCode { get; init; } = string.Empty;

    /// <summary>The report (task) each occurrence runs.</summary>
    public required int ReportId { get; init; }

    /// <summary>Description of the schedule and of its occurrence entries; empty: "&lt;report name&gt; (scheduled)".</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The job queue category of the occurrences (resolved: the caller's, else the shop's).</summary>
    public string? CategoryCode { get; init; }

    /// <summary>Priority within the category; null: the default (1000).</summary>
    public int? Priority { get; init; }

    /// <summary>Request-page filters, validated.</summary>
    public IReadOnlyList<RequestPageFilter> Filters { get; init; } = [];

    /// <summary>Request-page options, validated.</summary>
    public IReadOnlyList<RequestPageOption> Options { get; init; } = [];

    /// <summary>0..10 runs per occurrence; null: the report's default.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>0..3600 s between attempts of one occurrence; null: the report's default.</summary>
    public TimeSpan? RerunDelay { get; init; }

    /// <summary>Job timeout of each run; null: 12 h.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>When the occurrences are. <see cref="RecurrenceSchedule.EarliestStart"/> is always set once stored.</summary>
    public required RecurrenceSchedule Recurrence { get; init; }
}
