namespace ShopSync.Queue.Scheduling;

/// <summary>An occurrence whose entry was queued and has not been seen to end.</summary>
/// <param name="ScheduleId">The schedule.</param>
/// <param name="OccurrenceUtc">The occurrence (the entry's key with the schedule id).</param>
/// <param name="JobId">The entry.</param>
public sealed record PendingOccurrence(Guid ScheduleId, DateTimeOffset OccurrenceUtc, Guid JobId);
