using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Dispatching;

/// <summary>
/// Decides what a run's end does to the entry: success finishes it, a failure with attempts left re-queues it at
/// now + rerun delay + the report's backoff (with jitter), a failure without attempts left sets it to Error.
/// </summary>
internal static class CompletionPlanner
{
    public static RunCompletion Plan(
        Job job,
        long logEntryId,
        RunEnd end,
        JobProgress progress,
        ReportDefinition? definition,
        DateTimeOffset now,
        double random)
    {
        var completion = new RunCompletion
        {
            JobId = job.Id,
            FencingToken = job.FencingToken,
            LogEntryId = logEntryId,
            Now = now,
            Status = JobStatus.Finished,
            Result = end.Result,
            ErrorMessage = end.Message,
            ErrorDetail = end.Detail,
            Progress = progress,
        };

        if (end.Interrupted)
        {
            return completion with
            {
                Status = JobStatus.Ready,
                EarliestStart = now,
                RefundAttempt = true,
                Events = [new JobStatusChanged(JobStatus.Ready, end.Message ?? "Interrupted; it runs again.")],
            };
        }

        switch (end.Result)
        {
            case JobResult.Succeeded or JobResult.SucceededWithWarnings:
                var result = end.Result == JobResult.Succeeded && progress.Counters.Skipped > 0 ? JobResult.SucceededWithWarnings : end.Result;
                var warning = result == JobResult.SucceededWithWarnings
                    ? end.Message ?? $"{progress.Counters.Skipped} records were skipped."
                    : null;
                return completion with
                {
                    Result = result,
                    ErrorMessage = warning,
                    Events = [new JobCompleted(result, JobStatus.Finished, warning, null, progress.Counters, null)],
                };
            case JobResult.Cancelled:
                return completion with
                {
                    Events = [new JobCompleted(JobResult.Cancelled, JobStatus.Finished, end.Message, null, progress.Counters, null)],
                };
            default:
                var message = end.Message ?? "The run failed.";
                if (job.Attempts < job.MaxAttempts)
                {
                    var backoff = (definition?.Backoff ?? RetryBackoff.Default).ExtraDelay(job.Attempts, random);
                    var retryAt = now + job.RerunDelay + backoff;
                    return completion with
                    {
                        Status = JobStatus.Ready,
                        ErrorMessage = message,
                        EarliestStart = retryAt,
                        Events = [new JobAttemptFailed(job.Attempts, job.MaxAttempts, message, retryAt)],
                    };
                }

                return completion with
                {
                    Status = JobStatus.Error,
                    ErrorMessage = message,
                    Events = [new JobCompleted(end.Result, JobStatus.Error, message, end.Detail, progress.Counters, null)],
                };
        }
    }
}
