namespace ShopSync.Queue.Scheduling;

/// <summary>
/// The runner moved a schedule past its due occurrences: it is written only when the schedule still has
/// <see cref="ExpectedVersion"/>, so that of several nodes only one advances it.
/// </summary>
/// <param name="ScheduleId">The schedule.</param>
/// <param name="ExpectedVersion">The version the runner read.</param>
/// <param name="NextOccurrence">The new next occurrence (null: parked or expired).</param>
/// <param name="LastOccurrence">The latest occurrence handled.</param>
/// <param name="Queued">The entries queued for the occurrences (recorded as pending).</param>
public sealed record ScheduleAdvance(
    Guid ScheduleId,
    long ExpectedVersion,
    DateTimeOffset? NextOccurrence,
    DateTimeOffset LastOccurrence,
    IReadOnlyList<PendingOccurrence> Queued);
