using Microsoft.Extensions.Logging;
using ShopSync.Queue.Recurrence;

namespace ShopSync.Queue.Scheduling;

internal sealed partial class ScheduleRunner
{
    [LoggerMessage(EventId = 4001, EventName = "SchedulePassFailed", Level = LogLevel.Error, Message = "Schedule runner pass failed; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4002, EventName = "SchedulePass", Level = LogLevel.Debug, Message = "Schedule runner: {Due} due, {Queued} occurrences queued, {Advanced} advanced")]
    private static partial void LogPass(ILogger logger, int due, int queued, int advanced);

    [LoggerMessage(EventId = 4003, EventName = "OccurrencesMissed", Level = LogLevel.Information, Message = "Schedule {ScheduleId}: {Missed} missed occurrence(s), catch-up {CatchUp}: {Runs} run(s) queued")]
    private static partial void LogMissed(ILogger logger, Guid scheduleId, int missed, RecurrenceCatchUp catchUp, int runs);

    [LoggerMessage(EventId = 4004, EventName = "ScheduleInvalid", Level = LogLevel.Warning, Message = "Schedule {ScheduleId} cannot be computed and stops: {Reason}")]
    private static partial void LogInvalid(ILogger logger, Guid scheduleId, string reason);

    [LoggerMessage(EventId = 4005, EventName = "OccurrenceOverlap", Level = LogLevel.Information, Message = "Schedule {ScheduleId}: the previous occurrence is still queued or running; {Due} due occurrence(s), {Buffered} buffered")]
    private static partial void LogOverlap(ILogger logger, Guid scheduleId, int due, int buffered);

    [LoggerMessage(EventId = 4006, EventName = "AlreadyQueued", Level = LogLevel.Information, Message = "Schedule {ScheduleId}: occurrence {Occurrence:O} was already queued (entry {JobId})")]
    private static partial void LogAlreadyQueued(ILogger logger, Guid scheduleId, DateTimeOffset occurrence, Guid? jobId);

    [LoggerMessage(EventId = 4007, EventName = "OccurrenceRejected", Level = LogLevel.Warning, Message = "Schedule {ScheduleId}: occurrence {Occurrence:O} was rejected by the queue ({Field}: {Reason})")]
    private static partial void LogRejected(ILogger logger, Guid scheduleId, DateTimeOffset occurrence, string field, string reason);

    [LoggerMessage(EventId = 4008, EventName = "LostAdvance", Level = LogLevel.Debug, Message = "Schedule {ScheduleId} changed since version {Version} was read; left to the newer change")]
    private static partial void LogLostAdvance(ILogger logger, Guid scheduleId, long version);

    [LoggerMessage(EventId = 4009, EventName = "SettleFailed", Level = LogLevel.Error, Message = "Could not record the end of {Count} occurrence entries; the next reconcile retries")]
    private static partial void LogSettleFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 4010, EventName = "ScheduleRunnerStopped", Level = LogLevel.Warning, Message = "Schedule {ScheduleId} stopped recurring: occurrence entry {JobId} ended in Error (failure policy Stop)")]
    private static partial void LogStopped(ILogger logger, Guid scheduleId, Guid jobId);

    [LoggerMessage(EventId = 4012, EventName = "BatchFallback", Level = LogLevel.Information, Message = "Schedule runner: {Count} occurrences could not be queued together ({Reason}); queuing each on its own")]
    private static partial void LogBatchFallback(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 4011, EventName = "ScheduleRunnerWake", Level = LogLevel.Trace, Message = "Schedule runner awake at {Now:O}; earliest next occurrence {Earliest:O}")]
    private static partial void LogWake(ILogger logger, DateTimeOffset now, DateTimeOffset? earliest);
}
