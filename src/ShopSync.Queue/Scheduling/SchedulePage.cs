namespace ShopSync.Queue.Scheduling;

/// <summary>One page of schedules.</summary>
/// <param name="Schedules">The schedules, by id.</param>
/// <param name="HasMore">True when more schedules follow the last one.</param>
public sealed record SchedulePage(IReadOnlyList<StoredSchedule> Schedules, bool HasMore);
