namespace ShopSync.Queue.Health;

/// <summary>One failed run from the job log.</summary>
/// <param name="LogId">The log entry id.</param>
/// <param name="JobId">The entry.</param>
/// <param name="ReportId">The report.</param>
/// <param name="Description">The entry's description at the time.</param>
/// <param name="Attempt">Which attempt failed.</param>
/// <param name="EndTime">When it failed.</param>
/// <param name="ErrorMessage">The error.</param>
public sealed record FailedRun(long LogId, Guid JobId, int ReportId, string Description, int Attempt, DateTimeOffset EndTime, string ErrorMessage);
