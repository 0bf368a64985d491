using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;

namespace ShopSync.Queue.Storage;

/// <summary>What <see cref="IJobStore.CompleteAsync"/> did.</summary>
/// <param name="Accepted">False when the fencing token no longer held (a stale run); nothing was written.</param>
/// <param name="Job">The entry after the completion.</param>
/// <param name="Events">Events written (completion and, if any, the next claim's).</param>
/// <param name="Next">The next claim's outcome, when one was asked for.</param>
public sealed record CompletionResult(bool Accepted, Job? Job, IReadOnlyList<QueueEvent> Events, CategoryClaim? Next);
