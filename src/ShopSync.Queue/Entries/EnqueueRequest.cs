namespace ShopSync.Queue.Entries;

/// <summary>What a caller asks to queue. Null members take their defaults.</summary>
public sealed record EnqueueRequest
{
    /// <summary>The report (task) to run; must be registered.</summary>
    public required int ReportId { get; init; }

    /// <summary>The shop the entry syncs.</summary>
    public string ShopCode { get; init; } = string.Empty;

    /// <summary>Category; null or empty: <see cref="QueueOptions.DefaultCategoryCode"/>.</summary>
    public string? CategoryCode { get; init; }

    /// <summary>Priority within the category; null: 1000. Lower runs first.</summary>
    public int? Priority { get; init; }

    /// <summary>Not before this time; null: now.</summary>
    public DateTimeOffset? EarliestStart { get; init; }

    /// <summary>Not after this time; null: never expires.</summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <summary>0..10 runs in total; null: the report's default.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>0..3600 s; null: the report's default.</summary>
    public TimeSpan? RerunDelay { get; init; }

    /// <summary>Job timeout; null: 12 h.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Request-page filters, stored as given.</summary>
    public IReadOnlyList<RequestPageFilter> Filters { get; init; } = [];

    /// <summary>Request-page options, stored as given.</summary>
    public IReadOnlyList<RequestPageOption> Options { get; init; } = [];

    /// <summary>Description; null: the report's name.</summary>
    public string? Description { get; init; }

    /// <summary>Who queues the entry.</summary>
    public string CreatedBy { get; init; } = string.Empty;

    /// <summary>Create the entry On Hold instead of Ready.</summary>
    public bool OnHold { get; init; }

    /// <summary>The caller streams the run (recorded in the accepted event only).</summary>
    public bool Foreground { get; init; }

    /// <summary>The recurring schedule this entry is an occurrence of.</summary>
    public Guid? ScheduleId { get; init; }

    /// <summary>The occurrence; (ScheduleId, OccurrenceUtc) is unique.</summary>
    public DateTimeOffset? OccurrenceUtc { get; init; }
}
