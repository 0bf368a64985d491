using Google.Protobuf.WellKnownTypes;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Jobs;

/// <summary>Maps entries, log entries and events from the engine to the contract (job_queue.proto).</summary>
internal static class JobMessages
{
    public static V1.Job ToMessage(Job job)
    {
        var m = new V1.Job
        {
            Id = job.Id.ToString(),
            EntryNo = job.EntryNo,
            ReportId = job.ReportId,
            Description = job.Description,
            ShopCode = job.ShopCode,
            CategoryCode = job.CategoryCode,
            Priority = job.Priority,
            Status = ToMessage(job.Status),
            EarliestStart = ToTimestamp(job.EarliestStart),
            Expiration = ToTimestamp(job.Expiration),
            MaxAttempts = job.MaxAttempts,
            Attempts = job.Attempts,
            RerunDelay = Duration.FromTimeSpan(job.RerunDelay),
            Timeout = Duration.FromTimeSpan(job.Timeout),
            CreatedBy = job.CreatedBy,
            ErrorMessage = job.ErrorMessage ?? "",
            ErrorDetail = job.ErrorDetail ?? "",
            LastProgress = job.LastProgress is { } p ? ToMessage(p) : null,
            CreatedAt = ToTimestamp(job.CreatedAt),
            UpdatedAt = ToTimestamp(job.UpdatedAt),
            StartedAt = ToTimestamp(job.StartedAt),
            EndedAt = ToTimestamp(job.EndedAt),
            LastResult = ToMessage(job.LastResult),
            ScheduleId = job.ScheduleId?.ToString() ?? "",
            LeaseOwner = job.Status == JobStatus.InProcess ? job.LeaseOwner ?? "" : "",
            TraceId = job.TraceId ?? "",
            LastEventSequence = job.LastEventSequence,
        };
        ParameterMessages.Fill(m.Filters, m.Options, job.Filters, job.Options);
        return m;
    }

    public static V1.JobLogEntry ToMessage(JobLogEntry entry)
    {
        var m = new V1.JobLogEntry
        {
            Id = entry.Id,
            JobId = entry.JobId.ToString(),
            EntryNo = entry.EntryNo,
            ReportId = entry.ReportId,
            Description = entry.Description,
            ShopCode = entry.ShopCode,
            CategoryCode = entry.CategoryCode,
            Attempt = entry.Attempt,
            StartTime = ToTimestamp(entry.StartTime),
            EndTime = ToTimestamp(entry.EndTime),
            Result = ToMessage(entry.Result),
            ErrorMessage = entry.ErrorMessage ?? "",
            ErrorDetail = entry.ErrorDetail ?? "",
            Counters = ToMessage(entry.Counters),
            Node = entry.Node,
        };
        ParameterMessages.Fill(m.Filters, m.Options, entry.Filters, entry.Options);
        return m;
    }

    public static V1.JobEvent ToMessage(JobEvent e)
    {
        var m = new V1.JobEvent { JobId = e.JobId.ToString(), Sequence = e.Sequence, Time = ToTimestamp(e.Time) };
        switch (e.Data)
        {
            case JobAccepted a:
                m.Accepted = new V1.JobAccepted { EntryNo = a.EntryNo, Status = ToMessage(a.Status), Foreground = a.Foreground };
                break;
            case JobWaiting w:
                m.Waiting = new V1.JobWaiting { BlockingJobId = w.BlockingJobId?.ToString() ?? "", CategoryCode = w.CategoryCode };
                break;
            case JobStarted s:
                m.Started = new V1.JobStarted { Attempt = s.Attempt, Node = s.Node };
                break;
            case JobProgressReported p:
                m.Progress = ToMessage(p.Progress);
                break;
            case JobAttemptFailed f:
                m.AttemptFailed = new V1.JobAttemptFailed
                {
                    Attempt = f.Attempt, MaxAttempts = f.MaxAttempts, ErrorMessage = f.ErrorMessage, RetryAt = ToTimestamp(f.RetryAt),
                };
                break;
            case JobCompleted c:
                m.Completed = new V1.JobCompleted
                {
                    Result = ToMessage(c.Result),
                    Status = ToMessage(c.Status),
                    ErrorMessage = c.ErrorMessage ?? "",
                    ErrorDetail = c.ErrorDetail ?? "",
                    Counters = ToMessage(c.Counters),
                    NextRun = ToTimestamp(c.NextRun),
                };
                break;
            case JobStatusChanged sc:
                m.StatusChanged = new V1.JobStatusChanged { Status = ToMessage(sc.Status), Reason = sc.Reason };
                break;
        }
        return m;
    }

    public static V1.JobProgress ToMessage(JobProgress p) =>
        new() { Percent = p.Percent, Message = p.Message, Counters = ToMessage(p.Counters) };

    public static V1.JobCounters ToMessage(JobCounters c) =>
        new() { Pages = c.Pages, Done = c.Done, Failed = c.Failed, Skipped = c.Skipped };

    public static V1.JobStatus ToMessage(JobStatus s) => s switch
    {
        JobStatus.OnHold => V1.JobStatus.OnHold,
        JobStatus.Ready => V1.JobStatus.Ready,
        JobStatus.Waiting => V1.JobStatus.Waiting,
        JobStatus.InProcess => V1.JobStatus.InProcess,
        JobStatus.Finished => V1.JobStatus.Finished,
        JobStatus.Error => V1.JobStatus.Error,
        _ => V1.JobStatus.Unspecified,
    };

    public static V1.JobResult ToMessage(JobResult r) => r switch
    {
        JobResult.Succeeded => V1.JobResult.Succeeded,
        JobResult.SucceededWithWarnings => V1.JobResult.SucceededWithWarnings,
        JobResult.Failed => V1.JobResult.Failed,
        JobResult.Cancelled => V1.JobResult.Cancelled,
        JobResult.TimedOut => V1.JobResult.TimedOut,
        JobResult.Expired => V1.JobResult.Expired,
        _ => V1.JobResult.Unspecified,
    };

    public static Timestamp? ToTimestamp(DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;
}
