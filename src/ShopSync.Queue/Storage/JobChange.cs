using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;

namespace ShopSync.Queue.Storage;

/// <summary>An operator change, applied only while the entry has <see cref="ExpectedStatus"/>. Null members stay unchanged.</summary>
public sealed record JobChange
{
    /// <summary>The entry.</summary>
    public required Guid JobId { get; init; }

    /// <summary>The status the decision was based on.</summary>
    public required JobStatus ExpectedStatus { get; init; }

    /// <summary>The time of the change.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>New status.</summary>
    public JobStatus? Status { get; init; }

    /// <summary>New earliest start.</summary>
    public DateTimeOffset? EarliestStart { get; init; }

    /// <summary>Reset attempts to zero.</summary>
    public bool ResetAttempts { get; init; }

    /// <summary>Clear error message and detail.</summary>
    public bool ClearError { get; init; }

    /// <summary>New last result (and ended-at = now).</summary>
    public JobResult? Result { get; init; }

    /// <summary>Set or clear the pending hold of a running entry.</summary>
    public bool? HoldRequested { get; init; }

    /// <summary>Set the cancellation request of a running entry.</summary>
    public bool? CancelRequested { get; init; }

    /// <summary>New filters.</summary>
    public IReadOnlyList<RequestPageFilter>? Filters { get; init; }

    /// <summary>New options.</summary>
    public IReadOnlyList<RequestPageOption>? Options { get; init; }

    /// <summary>Events to append.</summary>
    public IReadOnlyList<JobEventData> Events { get; init; } = [];
}
