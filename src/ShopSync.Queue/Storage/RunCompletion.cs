using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;

namespace ShopSync.Queue.Storage;

/// <summary>The end of one run, as the engine decided it.</summary>
public sealed record RunCompletion
{
    /// <summary>The entry.</summary>
    public required Guid JobId { get; init; }

    /// <summary>The token of the claim this run holds.</summary>
    public required long FencingToken { get; init; }

    /// <summary>The log entry the claim opened.</summary>
    public required long LogEntryId { get; init; }

    /// <summary>When the run ended.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Ready (retry or next run), Finished or Error. A pending hold turns Ready into On Hold.</summary>
    public required JobStatus Status { get; init; }

    /// <summary>The run's result.</summary>
    public required JobResult Result { get; init; }

    /// <summary>For Ready: when the entry is due again.</summary>
    public DateTimeOffset? EarliestStart { get; init; }

    /// <summary>The error, if any.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Error detail.</summary>
    public string? ErrorDetail { get; init; }

    /// <summary>Final progress (persisted as last progress and in the log entry).</summary>
    public JobProgress? Progress { get; init; }

    /// <summary>Reset attempts to zero (recurring entries after a success).</summary>
    public bool ResetAttempts { get; init; }

    /// <summary>
    /// The run's attempt does not count (it was interrupted by a shutdown, not failed): attempts go back down by one, so
    /// an entry with max attempts 1 runs again as attempt 1 of 1, not "2 of 1".
    /// </summary>
    public bool RefundAttempt { get; init; }

    /// <summary>Events to append in order (e.g. attempt failed, or completed).</summary>
    public IReadOnlyList<JobEventData> Events { get; init; } = [];
}
