using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;

namespace ShopSync.Queue.Storage;

/// <summary>What <see cref="IJobStore.CompleteAsync"/> did.</summary>
/// <param name="Accepted">False when the fencing token no longer held (a stale run); nothing was written.</param>
/// <param name="Job">The entry after the completion.</param>
/// <param name="Events">Events written (completion and, if any, the next claim's).</param>
/// <param name="Next">The first claim's outcome, when claims were asked for (see <see cref="Claims"/>).</param>
public sealed record CompletionResult(bool Accepted, Job? Job, IReadOnlyList<QueueEvent> Events, CategoryClaim? Next)
{
    /// <summary>The outcome of every claim asked for, in the order of <see cref="ClaimRequest.Categories"/>.</summary>
    public IReadOnlyList<CategoryClaim> Claims { get; init; } = Next is null ? [] : [Next];
}
