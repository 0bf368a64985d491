namespace ShopSync.Queue.Scheduling;

/// <summary>What to do with a schedule whose next occurrence is due.</summary>
/// <param name="Run">Occurrences to queue, oldest first (before the overlap policy).</param>
/// <param name="Next">The new next occurrence; null when parked (fixed delay waits for the run) or expired.</param>
/// <param name="LastOccurrence">The latest occurrence handled by this decision.</param>
/// <param name="Missed">How many due occurrences were older than the misfire threshold.</param>
internal sealed record DuePlan(IReadOnlyList<DateTimeOffset> Run, DateTimeOffset? Next, DateTimeOffset LastOccurrence, int Missed);
