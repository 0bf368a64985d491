using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Events;
using ShopSync.Queue.Recurrence;

namespace ShopSync.Queue.Scheduling;

internal sealed partial class ScheduleRunner
{
    private const int MaxRecentEnds = 200_000;
    private const int SettleBatch = 1000;
    private static readonly TimeSpan RecentEndsKept = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, PendingOccurrence> _tracked = [];
    // Ends of entries not (yet) tracked: a fast run can end before the runner has recorded its entry as pending.
    private readonly Dictionary<Guid, EntryEnd> _recentEnds = [];
    private readonly Queue<(Guid JobId, long Timestamp)> _recentOrder = new();

    private async Task WatchCompletionsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var e in _queue.WatchAllAsync(QueueWatchFilter.All, cancellationToken).ConfigureAwait(false))
            {
                if (e.Event.Data is JobCompleted completed)
                {
                    OnEnded(e.Event.JobId, new EntryEnd(e.Event.Time, completed.Status, completed.Result));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void OnEnded(Guid jobId, EntryEnd end)
    {
        lock (_gate)
        {
            if (_tracked.Remove(jobId, out var occurrence))
            {
                _ended.Writer.TryWrite((occurrence, end));
                return;
            }
            _recentEnds[jobId] = end;
            _recentOrder.Enqueue((jobId, _time.GetTimestamp()));
            while (_recentOrder.TryPeek(out var oldest)
                && (_recentOrder.Count > MaxRecentEnds || _time.GetElapsedTime(oldest.Timestamp) > RecentEndsKept))
            {
                _recentOrder.Dequeue();
                _recentEnds.Remove(oldest.JobId);
            }
        }
    }

    /// <summary>Watches the entry for its end; settles it at once when it already ended.</summary>
    private void Track(PendingOccurrence occurrence) => TrackKnownEnd(occurrence);

    private bool TrackKnownEnd(PendingOccurrence occurrence)
    {
        lock (_gate)
        {
            if (_recentEnds.Remove(occurrence.JobId, out var end))
            {
                _tracked.Remove(occurrence.JobId);
                _ended.Writer.TryWrite((occurrence, end));
                return true;
            }
            _tracked[occurrence.JobId] = occurrence;
            return false;
        }
    }

    private void Ended(PendingOccurrence occurrence, EntryEnd end)
    {
        lock (_gate)
        {
            _tracked.Remove(occurrence.JobId);
            _ended.Writer.TryWrite((occurrence, end));
        }
    }

    /// <summary>Brings the pending occurrences in line with their entries: on start, then once per idle poll.</summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        foreach (var pending in await _store.ListPendingAsync(null, cancellationToken).ConfigureAwait(false))
        {
            bool tracked;
            lock (_gate)
            {
                tracked = _tracked.ContainsKey(pending.JobId);
            }
            // A tracked entry ends with an event; only an old one is checked (it may run on another node).
            if (!tracked || now - pending.OccurrenceUtc > _options.IdlePollInterval)
            {
                await CheckAsync(pending, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task SettleLoopAsync(CancellationToken cancellationToken)
    {
        var reader = _ended.Reader;
        var batch = new List<(PendingOccurrence Occurrence, EntryEnd End)>();
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_options.SettleInterval > TimeSpan.Zero)
                {
                    // The rest of a burst of ends joins this batch (see SchedulerOptions.SettleInterval).
                    await Task.Delay(_options.SettleInterval, _time, cancellationToken).ConfigureAwait(false);
                }
                while (batch.Count < SettleBatch && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                try
                {
                    await SettleAsync(batch, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The rows stay pending; the next reconcile settles them.
                    LogSettleFailed(_logger, batch.Count, e);
                }
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down; unsettled rows are reconciled on the next start.
        }
    }

    private async Task SettleAsync(List<(PendingOccurrence Occurrence, EntryEnd End)> batch, CancellationToken cancellationToken)
    {
        var schedules = new Dictionary<Guid, StoredSchedule?>();
        var settlements = new List<ScheduleSettlement>(batch.Count);
        var newlyStopped = new HashSet<Guid>();
        var now = _time.GetUtcNow();
        foreach (var (occurrence, end) in batch)
        {
            if (!schedules.TryGetValue(occurrence.ScheduleId, out var schedule))
            {
                schedules[occurrence.ScheduleId] = schedule =
                    await _store.FindAsync(occurrence.ScheduleId, cancellationToken).ConfigureAwait(false);
            }
            var stop = false;
            DateTimeOffset? next = null;
            if (schedule is not null)
            {
                var recurrence = schedule.Definition.Recurrence;
                stop = end.Status == JobStatus.Error && recurrence.OnFailure == RecurrenceFailurePolicy.Stop;
                if (stop && schedule.State != ScheduleState.Error)
                {
                    // An end settled again (live and by a reconcile) finds the schedule stopped already: logged once.
                    newlyStopped.Add(occurrence.ScheduleId);
                }
                if (!stop && schedule.State == ScheduleState.Active && recurrence.Anchoring == RecurrenceAnchoring.FixedDelay)
                {
                    next = RecurrenceCalculator.AfterRun(recurrence, occurrence.OccurrenceUtc, end.EndedAt ?? now).Next;
                }
            }
            settlements.Add(new ScheduleSettlement(occurrence, end.EndedAt, end.Result, stop, next));
        }

        await _store.SettleAsync(settlements, cancellationToken).ConfigureAwait(false);
        foreach (var settled in settlements)
        {
            if (settled.StopSchedule)
            {
                if (newlyStopped.Remove(settled.Occurrence.ScheduleId))
                {
                    LogStopped(_logger, settled.Occurrence.ScheduleId, settled.Occurrence.JobId);
                }

                var others = await _store.ListPendingAsync([settled.Occurrence.ScheduleId], cancellationToken).ConfigureAwait(false);
                await _entries.HoldAsync(others, cancellationToken).ConfigureAwait(false);
            }
        }
        if (settlements.Exists(s => s.NextOccurrence is not null))
        {
            _signal.Notify();
        }
    }
}
