using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Controls;

/// <summary>
/// The operator transitions (see the state diagram in docs/job-queue.md). Each returns the change to apply
/// conditionally on the status it was decided from, null when nothing needs to change, or throws
/// <see cref="JobStateException"/> for a transition that is not allowed.
/// </summary>
internal static class JobStateMachine
{
    public static bool IsQueued(JobStatus status) => status is JobStatus.Ready or JobStatus.Waiting;

    public static JobChange? Hold(Job job, DateTimeOffset now) => job.Status switch
    {
        JobStatus.OnHold => null,
        JobStatus.InProcess when job.HoldRequested => null,
        JobStatus.InProcess => Change(job, now) with { HoldRequested = true },
        JobStatus.Ready or JobStatus.Waiting or JobStatus.Error => Change(job, now) with
        {
            Status = JobStatus.OnHold,
            Events = [new JobStatusChanged(JobStatus.OnHold, "Set on hold.")],
        },
        _ => throw Refused(job, "A finished entry cannot be set on hold; restart it instead."),
    };

    public static JobChange? SetReady(Job job, DateTimeOffset now) => job.Status switch
    {
        JobStatus.Ready or JobStatus.Waiting => null,
        JobStatus.InProcess when job.HoldRequested => Change(job, now) with { HoldRequested = false },
        JobStatus.InProcess => null,
        JobStatus.OnHold or JobStatus.Error => Change(job, now) with
        {
            Status = JobStatus.Ready,
            ClearError = job.Status == JobStatus.Error,
            Events = [new JobStatusChanged(JobStatus.Ready, "Set ready.")],
        },
        _ => throw Refused(job, "A finished entry cannot be set ready; restart it instead."),
    };

    public static JobChange Restart(Job job, DateTimeOffset now) => job.Status switch
    {
        JobStatus.InProcess => throw Refused(job, "The entry is running; cancel it first or wait for it to end."),
        _ => Change(job, now) with
        {
            Status = JobStatus.Ready,
            ResetAttempts = true,
            ClearError = true,
            EarliestStart = now,
            Events = [new JobStatusChanged(JobStatus.Ready, "Restarted (attempts reset).")],
        },
    };

    public static JobChange RunNow(Job job, DateTimeOffset now) => job.Status switch
    {
        JobStatus.InProcess => throw Refused(job, "The entry is already running."),
        _ => Change(job, now) with
        {
            Status = JobStatus.Ready,
            EarliestStart = now,
            ClearError = job.Status == JobStatus.Error,
            Events = [new JobStatusChanged(JobStatus.Ready, "Run once now.")],
        },
    };

    /// <summary>Null for a running entry (its handler is cancelled instead) or one already cancelled.</summary>
    public static JobChange? Cancel(Job job, DateTimeOffset now) => job.Status switch
    {
        JobStatus.InProcess => null,
        JobStatus.Finished when job.LastResult == JobResult.Cancelled => null,
        JobStatus.Finished => throw Refused(job, "The entry has already finished."),
        _ => Change(job, now) with
        {
            Status = JobStatus.Finished,
            Result = JobResult.Cancelled,
            Events = [new JobCompleted(JobResult.Cancelled, JobStatus.Finished, "Cancelled.", null, job.LastProgress?.Counters ?? JobCounters.Zero, null)],
        },
    };

    public static JobChange SetParameters(Job job, DateTimeOffset now, IReadOnlyList<RequestPageFilter> filters, IReadOnlyList<RequestPageOption> options) =>
        job.Status == JobStatus.InProcess
            ? throw Refused(job, "Filters cannot change while the entry is running.")
            : Change(job, now) with { Filters = filters, Options = options };

    public static void EnsureDeletable(Job job)
    {
        if (job.Status == JobStatus.InProcess)
        {
            throw Refused(job, "The entry is running; cancel it first, then delete it.");
        }
    }

    private static JobChange Change(Job job, DateTimeOffset now) => new() { JobId = job.Id, ExpectedStatus = job.Status, Now = now };

    private static JobStateException Refused(Job job, string message) => new(job.Id, job.Status, message);
}
