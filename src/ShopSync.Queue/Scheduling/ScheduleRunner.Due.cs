using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Recurrence;

namespace ShopSync.Queue.Scheduling;

internal sealed partial class ScheduleRunner
{
    /// <summary>
    /// One pass: decides per schedule, queues every occurrence of the pass with one <see cref="IJobQueue.EnqueueManyAsync"/>
    /// (one transaction) and advances the schedules in one transaction. A schedule not due yet (look-ahead) is queued
    /// for its next occurrence with EarliestStart = that occurrence, unless an earlier entry of it is still queued or
    /// running: then it is left to its due time, where the overlap policy decides.
    /// </summary>
    private async Task ProcessDueAsync(IReadOnlyList<StoredSchedule> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plans = new List<(StoredSchedule Schedule, DuePlan Plan)>(due.Count);
        var check = new List<Guid>(due.Count);
        foreach (var schedule in due)
        {
            var occurrence = schedule.NextOccurrence!.Value;
            // Ahead of time the decision is the one taken at the occurrence itself: on time, exactly one run.
            var plan = Decide(schedule, occurrence > now ? occurrence : now);
            plans.Add((schedule, plan));
            if (plan.Run.Count > 0)
            {
                check.Add(schedule.Id);
            }
        }

        var running = await ActiveEntriesAsync(check, cancellationToken).ConfigureAwait(false);
        var requests = new List<EnqueueRequest>(plans.Count);
        var decided = new List<(StoredSchedule Schedule, DuePlan Plan, int First, int Count)>(plans.Count);
        foreach (var (schedule, plan) in plans)
        {
            var active = running.GetValueOrDefault(schedule.Id);
            if (schedule.NextOccurrence > now && active is { Count: > 0 })
            {
                continue;
            }
            var runs = ApplyOverlap(schedule, plan.Run, active);
            decided.Add((schedule, plan, requests.Count, runs.Count));
            foreach (var occurrence in runs)
            {
                requests.Add(ScheduledEntries.Request(schedule, occurrence));
            }
        }

        var queued = await QueueAllAsync(requests, cancellationToken).ConfigureAwait(false);
        var advances = new List<ScheduleAdvance>(decided.Count);
        foreach (var (schedule, plan, first, count) in decided)
        {
            var entries = new List<PendingOccurrence>(count);
            for (var i = first; i < first + count; i++)
            {
                if (queued[i] is { } entry)
                {
                    entries.Add(entry);
                }
            }
            advances.Add(new ScheduleAdvance(schedule.Id, schedule.Version, plan.Next, plan.LastOccurrence, entries));
        }

        var advanced = await _store.AdvanceAsync(advances, cancellationToken).ConfigureAwait(false);
        foreach (var advance in advances)
        {
            foreach (var occurrence in advance.Queued)
            {
                Track(occurrence);
            }
            if (!advanced.Contains(advance.ScheduleId))
            {
                await OnLostAdvanceAsync(advance, cancellationToken).ConfigureAwait(false);
            }
        }
        LogPass(_logger, due.Count, queued.Count(q => q is not null), advanced.Count);
    }

    private DuePlan Decide(StoredSchedule schedule, DateTimeOffset now)
    {
        var due = schedule.NextOccurrence!.Value;
        try
        {
            var plan = ScheduleTiming.WhenDue(schedule.Definition.Recurrence, due, now, _options.MisfireThreshold);
            if (plan.Missed > 0)
            {
                LogMissed(_logger, schedule.Id, plan.Missed, schedule.Definition.Recurrence.CatchUp, plan.Run.Count);
            }
            return plan;
        }
        catch (ArgumentException e)
        {
            // Validated on the way in; a stored schedule the calculator rejects (e.g. a zone removed from the OS)
            // stops instead of failing every pass.
            LogInvalid(_logger, schedule.Id, e.Message);
            return new DuePlan([], null, due, 0);
        }
    }

    private IReadOnlyList<DateTimeOffset> ApplyOverlap(StoredSchedule schedule, IReadOnlyList<DateTimeOffset> runs, List<JobStatus>? active)
    {
        if (runs.Count == 0 || active is null || active.Count == 0)
        {
            return runs;
        }
        var recurrence = schedule.Definition.Recurrence;
        var buffer = recurrence.Overlap == RecurrenceOverlap.BufferOne
            && recurrence.Anchoring == RecurrenceAnchoring.FixedRate
            && active.TrueForAll(s => s == JobStatus.InProcess);
        LogOverlap(_logger, schedule.Id, runs.Count, buffer ? 1 : 0);
        // Buffer one: the latest occurrence waits (same category) and runs right after the running one.
        return buffer ? [runs[^1]] : [];
    }

    /// <summary>The statuses of the Ready, Waiting and In Process occurrence entries of these schedules.</summary>
    private async Task<Dictionary<Guid, List<JobStatus>>> ActiveEntriesAsync(List<Guid> scheduleIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<Guid, List<JobStatus>>();
        if (scheduleIds.Count == 0)
        {
            return result;
        }
        foreach (var pending in await _store.ListPendingAsync(scheduleIds, cancellationToken).ConfigureAwait(false))
        {
            var status = await CheckAsync(pending, cancellationToken).ConfigureAwait(false);
            if (status is JobStatus.Ready or JobStatus.Waiting or JobStatus.InProcess)
            {
                if (!result.TryGetValue(pending.ScheduleId, out var list))
                {
                    result[pending.ScheduleId] = list = [];
                }
                list.Add(status.Value);
            }
        }
        return result;
    }

    /// <summary>The entry's status now; an ended or vanished entry is settled and gives null.</summary>
    private async Task<JobStatus?> CheckAsync(PendingOccurrence pending, CancellationToken cancellationToken)
    {
        if (TrackKnownEnd(pending))
        {
            return null;
        }
        try
        {
            var job = await _queue.GetAsync(pending.JobId, cancellationToken).ConfigureAwait(false);
            if (job.Status is JobStatus.Finished or JobStatus.Error)
            {
                Ended(pending, new EntryEnd(job.EndedAt, job.Status, job.LastResult));
                return null;
            }
            Track(pending);
            return job.Status;
        }
        catch (JobNotFoundException)
        {
            Ended(pending, new EntryEnd(null, JobStatus.Finished, JobResult.None));
            return null;
        }
    }

    private async Task OnLostAdvanceAsync(ScheduleAdvance advance, CancellationToken cancellationToken)
    {
        // Someone changed the schedule between our read and our write: another node advanced it (it queued the
        // same occurrences, so ours were ALREADY_EXISTS), or an operator paused or deleted it meanwhile.
        var current = await _store.FindAsync(advance.ScheduleId, cancellationToken).ConfigureAwait(false);
        LogLostAdvance(_logger, advance.ScheduleId, advance.ExpectedVersion);
        if (current is null)
        {
            await _entries.DeleteAsync(advance.Queued, cancellationToken).ConfigureAwait(false);
        }
        else if (current.State != ScheduleState.Active)
        {
            await _entries.HoldAsync(advance.Queued, cancellationToken).ConfigureAwait(false);
        }
        else if (advance.Queued.Count > 0 && (current.LastOccurrence is null || current.LastOccurrence < advance.LastOccurrence))
        {
            // An operator's update came between our enqueue and our advance: its next occurrence already steps past
            // what we queued (ScheduleManager.UpdateAsync), so only the queued occurrences are recorded, once.
            var recorded = new ScheduleAdvance(
                current.Id, current.Version, current.NextOccurrence, advance.LastOccurrence, advance.Queued);
            await _store.AdvanceAsync([recorded], cancellationToken).ConfigureAwait(false);
        }
    }
}
