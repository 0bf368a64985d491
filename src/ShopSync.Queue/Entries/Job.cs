namespace ShopSync.Queue.Entries;

/// <summary>A snapshot of one job queue entry as stored.</summary>
public sealed record Job
{
    /// <summary>The entry id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Monotonically increasing entry number (FIFO order within a priority).</summary>
    public required long EntryNo { get; init; }

    /// <summary>The report (task) the entry runs.</summary>
    public required int ReportId { get; init; }

    /// <summary>Free text shown to operators.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The shop the entry syncs (may be empty for shop-less tasks).</summary>
    public string ShopCode { get; init; } = string.Empty;

    /// <summary>The job queue category; at most one entry per category is In Process.</summary>
    public required string CategoryCode { get; init; }

    /// <summary>Priority within the category; lower runs first.</summary>
    public int Priority { get; init; } = JobDefaults.Priority;

    /// <summary>The current status.</summary>
    public required JobStatus Status { get; init; }

    /// <summary>The entry does not run before this time.</summary>
    public DateTimeOffset EarliestStart { get; init; }

    /// <summary>The entry is not run after this time (it ends with result Expired).</summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <summary>How many runs are allowed in total before the entry goes to Error (0..10; 0 behaves as 1).</summary>
    public int MaxAttempts { get; init; }

    /// <summary>Runs started so far (the current run included).</summary>
    public int Attempts { get; init; }

    /// <summary>Base delay before a failed run is retried (0..3600 s).</summary>
    public TimeSpan RerunDelay { get; init; }

    /// <summary>A run is cancelled and recorded as timed out after this long.</summary>
    public TimeSpan Timeout { get; init; } = JobDefaults.Timeout;

    /// <summary>Request-page filters, as given.</summary>
    public IReadOnlyList<RequestPageFilter> Filters { get; init; } = [];

    /// <summary>Request-page options, as given.</summary>
    public IReadOnlyList<RequestPageOption> Options { get; init; } = [];

    /// <summary>Who queued the entry.</summary>
    public string CreatedBy { get; init; } = string.Empty;

    /// <summary>The error of the last failed run.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Details (e.g. the exception) of the last failed run.</summary>
    public string? ErrorDetail { get; init; }

    /// <summary>The last progress the handler reported.</summary>
    public JobProgress? LastProgress { get; init; }

    /// <summary>Opaque state the handler saved for a later attempt to resume from.</summary>
    public string? Checkpoint { get; init; }

    /// <summary>When the entry was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the entry last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the current or last run started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the last run ended.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The result of the last run.</summary>
    public JobResult LastResult { get; init; }

    /// <summary>The recurring schedule this entry is an occurrence of.</summary>
    public Guid? ScheduleId { get; init; }

    /// <summary>The scheduled occurrence (unique per schedule).</summary>
    public DateTimeOffset? OccurrenceUtc { get; init; }

    /// <summary>The node holding the lease while In Process.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the lease lapses unless renewed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>Grows by one per claim; a completion must present the token of its claim.</summary>
    public long FencingToken { get; init; }

    /// <summary>Cancellation was requested while the entry was In Process.</summary>
    public bool CancelRequested { get; init; }

    /// <summary>A hold was requested while the entry was In Process; it goes On Hold instead of Ready.</summary>
    public bool HoldRequested { get; init; }

    /// <summary>The sequence number of the newest event (resume point for watchers).</summary>
    public long LastEventSequence { get; init; }

    /// <summary>
    /// The W3C <c>traceparent</c> of the enqueue span (null when no trace was recorded): each attempt's span links to it.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>The trace id of the enqueue (from <see cref="TraceParent"/>), e.g. for <c>shopsync jobs show</c>.</summary>
    public string? TraceId => TraceParent is { Length: 55 } parent ? parent.Substring(3, 32) : null;
}
