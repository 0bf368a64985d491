using Microsoft.Extensions.Logging;
using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Dispatching;

/// <summary>Dispatcher log messages (event ids 1100–1199).</summary>
internal sealed partial class Dispatcher
{
    [LoggerMessage(EventId = 1100, EventName = "DispatcherStarted", Level = LogLevel.Information, Message = "Job queue dispatcher {Node} started: max concurrency {MaxConcurrency}, {Categories} categories with queued work")]
    private static partial void LogStarted(ILogger logger, string node, int maxConcurrency, int categories);

    [LoggerMessage(EventId = 1101, EventName = "RunStarted", Level = LogLevel.Debug, Message = "Job {JobId} (report {ReportId}, category {Category}) started, attempt {Attempt}")]
    private static partial void LogRunStarted(ILogger logger, Guid jobId, int reportId, string category, int attempt);

    [LoggerMessage(EventId = 1102, EventName = "RunEnded", Level = LogLevel.Debug, Message = "Job {JobId} ended: {Result}, now {Status}")]
    private static partial void LogRunEnded(ILogger logger, Guid jobId, JobResult result, JobStatus status);

    [LoggerMessage(EventId = 1103, EventName = "HandlerFailed", Level = LogLevel.Warning, Message = "Handler of job {JobId} (report {ReportId}) failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, Guid jobId, int reportId);

    [LoggerMessage(EventId = 1104, EventName = "StaleCompletion", Level = LogLevel.Warning, Message = "The completion of job {JobId} was rejected: fencing token {FencingToken} no longer holds (its lease was recovered)")]
    private static partial void LogStaleCompletion(ILogger logger, Guid jobId, long fencingToken);

    [LoggerMessage(EventId = 1105, EventName = "ClaimFailed", Level = LogLevel.Error, Message = "Claiming in {Count} categories failed; retrying shortly")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1106, EventName = "CompleteFailed", Level = LogLevel.Error, Message = "Recording the end of job {JobId} failed; its lease will lapse and it will be recovered")]
    private static partial void LogCompleteFailed(ILogger logger, Exception exception, Guid jobId);



    [LoggerMessage(EventId = 1109, EventName = "MaintenanceFailed", Level = LogLevel.Error, Message = "Lease maintenance failed")]
    private static partial void LogMaintenanceFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1110, EventName = "DispatcherStopping", Level = LogLevel.Information, Message = "Job queue dispatcher stopping: {Running} running, grace period {Grace}")]
    private static partial void LogStopping(ILogger logger, int running, TimeSpan grace);
}
