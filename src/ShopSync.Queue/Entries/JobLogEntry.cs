namespace ShopSync.Queue.Entries;

/// <summary>One run of an entry. The log entry outlives the entry itself.</summary>
public sealed record JobLogEntry
{
    /// <summary>Log entry id (increasing).</summary>
    public required long Id { get; init; }

    /// <summary>The entry that ran.</summary>
    public required Guid JobId { get; init; }

    /// <summary>The entry number.</summary>
    public long EntryNo { get; init; }

    /// <summary>The report that ran.</summary>
    public int ReportId { get; init; }

    /// <summary>The entry's description at the time.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The shop.</summary>
    public string ShopCode { get; init; } = string.Empty;

    /// <summary>The category.</summary>
    public string CategoryCode { get; init; } = string.Empty;

    /// <summary>Which attempt this run was (1-based).</summary>
    public int Attempt { get; init; }

    /// <summary>When the run started.</summary>
    public DateTimeOffset StartTime { get; init; }

    /// <summary>When the run ended; null while in process.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>The result; <see cref="JobResult.None"/> while in process.</summary>
    public JobResult Result { get; init; }

    /// <summary>The error, if the run failed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Error details.</summary>
    public string? ErrorDetail { get; init; }

    /// <summary>Counters at the end of the run.</summary>
    public JobCounters Counters { get; init; } = JobCounters.Zero;

    /// <summary>A copy of the filters the run used.</summary>
    public IReadOnlyList<RequestPageFilter> Filters { get; init; } = [];

    /// <summary>A copy of the options the run used.</summary>
    public IReadOnlyList<RequestPageOption> Options { get; init; } = [];

    /// <summary>The node that ran it.</summary>
    public string Node { get; init; } = string.Empty;
}
