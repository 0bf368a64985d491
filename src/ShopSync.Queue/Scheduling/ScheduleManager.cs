using ShopSync.Queue.Errors;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Recurrence;

namespace ShopSync.Queue.Scheduling;

/// <summary>
/// Creates, changes and removes schedules; the runner queues their occurrences. Errors:
/// <see cref="JobValidationException"/> naming the field (INVALID_ARGUMENT), <see cref="ScheduleNotFoundException"/>
/// (NOT_FOUND). Changes are written conditionally on the version read and retried on a conflict.
/// </summary>
public sealed class ScheduleManager
{
    private const int ConflictRetries = 10;
    private const int MaxQueuedSkips = 16;

    private readonly IScheduleStore _store;
    private readonly IReportCatalog _reports;
    private readonly OccurrenceEntries _entries;
    private readonly ScheduleSignal _signal;
    private readonly TimeProvider _time;

    internal ScheduleManager(IScheduleStore store, IReportCatalog reports, OccurrenceEntries entries, ScheduleSignal signal, TimeProvider time)
    {
        _store = store;
        _reports = reports;
        _entries = entries;
        _signal = signal;
        _time = time;
    }

    /// <summary>Creates a schedule (Active, or On Hold when <paramref name="onHold"/>); its earliest start defaults to now.</summary>
    public async Task<StoredSchedule> CreateAsync(ScheduleDefinition definition, bool onHold, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        definition = Complete(definition, "", now, null);
        var schedule = new StoredSchedule
        {
            Id = Guid.CreateVersion7(now),
            Definition = definition,
            State = onHold ? ScheduleState.OnHold : ScheduleState.Active,
            NextOccurrence = onHold ? null : ScheduleTiming.First(definition.Recurrence, now),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        await _store.InsertAsync(schedule, cancellationToken).ConfigureAwait(false);
        _signal.Notify();
        return schedule;
    }

    /// <summary>
    /// Replaces every settable field; the next occurrence is recomputed from now (or after an occurrence already queued
    /// ahead of time). The state stays.
    /// </summary>
    public async Task<StoredSchedule> UpdateAsync(Guid scheduleId, ScheduleDefinition definition, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var updated = await ChangeAsync(
            scheduleId,
            async (current, ct) =>
            {
                var replaced = Complete(definition, "definition.", now, current.Definition.Recurrence.EarliestStart);
                var busy = await HasPendingAsync(scheduleId, ct).ConfigureAwait(false);
                var next = current.State != ScheduleState.Active ? null
                    : replaced.Recurrence.Anchoring == RecurrenceAnchoring.FixedDelay && busy ? null
                    // An occurrence the runner queued ahead of time stays queued: the next one comes after it.
                    : current.LastOccurrence is { } queuedAhead && queuedAhead >= now
                        ? RecurrenceCalculator.NextOccurrence(replaced.Recurrence, queuedAhead)
                    : ScheduleTiming.First(replaced.Recurrence, now);
                // The runner queues an occurrence before it records the advance: one queued in between is not
                // offered again.
                next = await PastQueuedAsync(scheduleId, replaced.Recurrence, next, ct).ConfigureAwait(false);
                return current with { Definition = replaced, NextOccurrence = next };
            },
            cancellationToken).ConfigureAwait(false);
        _signal.Notify();
        return updated;
    }

    /// <summary>One schedule.</summary>
    public async Task<StoredSchedule> GetAsync(Guid scheduleId, CancellationToken cancellationToken) =>
        await _store.FindAsync(scheduleId, cancellationToken).ConfigureAwait(false) ?? throw new ScheduleNotFoundException(scheduleId);

    /// <summary>Schedules by filter, in creation order.</summary>
    public Task<SchedulePage> ListAsync(ScheduleQuery query, CancellationToken cancellationToken) => _store.ListAsync(query, cancellationToken);

    /// <summary>On Hold: no new occurrences; pending Ready/Waiting occurrence entries go On Hold too (a running one finishes).</summary>
    public async Task<StoredSchedule> PauseAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        var paused = await ChangeAsync(
            scheduleId,
            (current, _) => Task.FromResult(current with { State = ScheduleState.OnHold, NextOccurrence = null }),
            cancellationToken).ConfigureAwait(false);
        await _entries.HoldAsync(await _store.ListPendingAsync([scheduleId], cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        return paused;
    }

    /// <summary>
    /// Active again (from On Hold or Error). Occurrences that fell into the pause follow the catch-up policy; occurrence
    /// entries the pause held are set Ready again.
    /// </summary>
    public async Task<StoredSchedule> ResumeAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        var resumed = await ChangeAsync(
            scheduleId,
            async (current, ct) =>
            {
                var busy = await HasPendingAsync(scheduleId, ct).ConfigureAwait(false);
                var next = current.Definition.Recurrence.Anchoring == RecurrenceAnchoring.FixedDelay && busy
                    ? null
                    : ScheduleTiming.OnResume(current);
                return current with { State = ScheduleState.Active, NextOccurrence = next };
            },
            cancellationToken).ConfigureAwait(false);
        await _entries.ReleaseAsync(await _store.ListPendingAsync([scheduleId], cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        _signal.Notify();
        return resumed;
    }

    /// <summary>Deletes the schedule and its pending occurrence entries; a running one finishes (its log entry stays).</summary>
    public async Task DeleteAsync(Guid scheduleId, CancellationToken cancellationToken)
    {
        var pending = await _store.ListPendingAsync([scheduleId], cancellationToken).ConfigureAwait(false);
        if (!await _store.DeleteAsync(scheduleId, cancellationToken).ConfigureAwait(false))
        {
            throw new ScheduleNotFoundException(scheduleId);
        }
        await _entries.DeleteAsync(pending, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DateTimeOffset?> PastQueuedAsync(
        Guid scheduleId, RecurrenceSchedule recurrence, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        for (var skipped = 0; next is { } candidate && skipped < MaxQueuedSkips; skipped++)
        {
            if (await _store.FindOccurrenceJobAsync(scheduleId, candidate, cancellationToken).ConfigureAwait(false) is null)
            {
                return candidate;
            }
            next = RecurrenceCalculator.NextOccurrence(recurrence, candidate);
        }
        return next;
    }

    private async Task<bool> HasPendingAsync(Guid scheduleId, CancellationToken cancellationToken) =>
        (await _store.ListPendingAsync([scheduleId], cancellationToken).ConfigureAwait(false)).Count > 0;

    private async Task<StoredSchedule> ChangeAsync(
        Guid scheduleId, Func<StoredSchedule, CancellationToken, Task<StoredSchedule>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(scheduleId, cancellationToken).ConfigureAwait(false);
            var changed = await change(current, cancellationToken).ConfigureAwait(false) with
            {
                UpdatedAt = _time.GetUtcNow(),
                Version = current.Version + 1,
            };
            if (await _store.TryReplaceAsync(changed, current.Version, cancellationToken).ConfigureAwait(false))
            {
                return changed;
            }
            if (attempt >= ConflictRetries)
            {
                throw new InvalidOperationException($"schedule {scheduleId} kept changing under this update; try again");
            }
        }
    }

    // Validates, fills the description and pins the earliest start (date formulas chain from it).
    private ScheduleDefinition Complete(ScheduleDefinition definition, string prefix, DateTimeOffset now, DateTimeOffset? keptStart)
    {
        var errors = ScheduleDefinitionValidator.Validate(definition, prefix);
        if (errors.Count > 0)
        {
            throw new JobValidationException(errors[0].Field, errors[0].Message);
        }
        var report = _reports.Find(definition.ReportId)
            ?? throw new JobValidationException(prefix + "report_id", $"no task {definition.ReportId} is registered on this server");
        return definition with
        {
            Description = definition.Description.Length > 0 ? definition.Description : $"{report.Definition.Name} (scheduled)",
            Recurrence = definition.Recurrence with { EarliestStart = definition.Recurrence.EarliestStart ?? keptStart ?? now },
        };
    }
}
