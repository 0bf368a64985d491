namespace ShopSync.Queue.Events;

/// <summary>A job event with the entry attributes queue-wide watchers filter on.</summary>
/// <param name="Event">The event.</param>
/// <param name="ShopCode">The entry's shop.</param>
/// <param name="CategoryCode">The entry's category.</param>
/// <param name="ReportId">The entry's report.</param>
public sealed record QueueEvent(JobEvent Event, string ShopCode, string CategoryCode, int ReportId);
