namespace ShopSync.Queue.Health;

/// <summary>The job log of one shop folded into per-task health.</summary>
/// <param name="ShopCode">The shop.</param>
/// <param name="Tasks">One per report that has a log entry for the shop, ordered by report id.</param>
/// <param name="FailedRuns">Failed or timed-out runs of the shop, all history.</param>
/// <param name="FailedRunsSince">Failed runs that ended at or after the requested time (equals <paramref name="FailedRuns"/> without one).</param>
public sealed record ShopTaskHealth(string ShopCode, IReadOnlyList<TaskHealthRecord> Tasks, long FailedRuns, long FailedRunsSince);
