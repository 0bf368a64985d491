using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Dispatching;

/// <summary>One timer for everything time-driven: due entries, lease renewal and recovery, the safety poll.</summary>
internal sealed partial class Dispatcher
{
    private int _maintenanceRunning;

    /// <summary>Caller holds the lock. Arms the timer for the earliest thing this node waits for.</summary>
    private void ArmTimer(DateTimeOffset now)
    {
        if (_timer is null)
        {
            return;
        }

        var wake = _nextLeaseCheck < _nextSafetyPoll ? _nextLeaseCheck : _nextSafetyPoll;
        foreach (var state in _categories.Values)
        {
            if (state.NextDueAt is { } due && due < wake)
            {
                wake = due;
            }
        }

        if (wake == _armedFor)
        {
            return;
        }

        _armedFor = wake;
        var delay = wake - now;
        _timer.Change(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        var now = _time.GetUtcNow();
        var maintenance = false;
        var poll = false;
        List<string>? busyAndDue = null;
        lock (_gate)
        {
            _armedFor = DateTimeOffset.MaxValue;
            foreach (var (category, state) in _categories)
            {
                if (state.NextDueAt is { } due && due <= now)
                {
                    state.NextDueAt = null;
                    if (state.Busy)
                    {
                        (busyAndDue ??= []).Add(category);
                    }

                    QueueCategory(category);
                }
            }

            if (now >= _nextLeaseCheck)
            {
                _nextLeaseCheck = now + _options.LeaseCheckInterval;
                maintenance = true;
            }

            if (now >= _nextSafetyPoll)
            {
                _nextSafetyPoll = now + _options.SafetyPollInterval;
                poll = true;
            }

            ArmTimer(now);
        }

        if (busyAndDue is not null)
        {
            _ = MarkWaitingAsync(busyAndDue, now);
        }

        if (maintenance && Interlocked.Exchange(ref _maintenanceRunning, 1) == 0)
        {
            _ = MaintainLeasesAsync(now, poll);
        }

        Pump();
    }

    /// <summary>Entries that became due while their category runs something show Waiting at once, not at the next claim.</summary>
    private async Task MarkWaitingAsync(List<string> categories, DateTimeOffset now)
    {
        try
        {
            foreach (var category in categories)
            {
                _hub.Publish(await _store.MarkWaitingAsync(category, now, CancellationToken.None).ConfigureAwait(false));
            }
        }
        catch (Exception ex)
        {
            LogMaintenanceFailed(_logger, ex);
        }
    }

    private async Task MaintainLeasesAsync(DateTimeOffset now, bool poll)
    {
        try
        {
            await RenewLeasesAsync(now).ConfigureAwait(false);
            await RecoverExpiredLeasesAsync(now).ConfigureAwait(false);
            if (poll)
            {
                var categories = await _store.FindQueuedCategoriesAsync(CancellationToken.None).ConfigureAwait(false);
                lock (_gate)
                {
                    foreach (var category in categories)
                    {
                        QueueCategory(category);
                    }
                }
            }
        }
        catch (Exception ex)
        {
            LogMaintenanceFailed(_logger, ex);
        }
        finally
        {
            Volatile.Write(ref _maintenanceRunning, 0);
        }

        Pump();
    }

    private async Task RenewLeasesAsync(DateTimeOffset now)
    {
        List<LeaseRef> runs;
        lock (_gate)
        {
            if (_running.Count == 0)
            {
                return;
            }

            runs = [.. _running.Values.Select(r => new LeaseRef(r.Job.Id, r.Job.FencingToken))];
        }

        var renewal = await _store.RenewLeasesAsync(new LeaseRenewalRequest(_node, runs, now + _options.LeaseDuration), CancellationToken.None)
            .ConfigureAwait(false);
        foreach (var id in renewal.Lost)
        {
            LogLeaseLost(_logger, id);
            FindRun(id)?.Stop(StopReason.LeaseLost);
        }

        foreach (var id in renewal.CancelRequested)
        {
            FindRun(id)?.Stop(StopReason.Cancelled);
        }
    }

    /// <summary>In Process entries of dead nodes: the lost run counts as a failed attempt and the category is released.</summary>
    private async Task RecoverExpiredLeasesAsync(DateTimeOffset now)
    {
        var expired = await _store.FindExpiredLeasesAsync(now, 100, CancellationToken.None).ConfigureAwait(false);
        foreach (var job in expired)
        {
            if (IsHeldHere(job))
            {
                continue;
            }

            var message = $"The node {job.LeaseOwner} stopped renewing its lease (it probably died).";
            var end = new RunEnd(JobResult.Failed, message, null);
            var definition = _catalog.Find(job.ReportId)?.Definition;
            var completion = CompletionPlanner.Plan(
                job, 0, end, job.LastProgress ?? JobProgress.None, definition, now, Random.Shared.NextDouble());
            var result = await _store.CompleteAsync(completion, null, CancellationToken.None).ConfigureAwait(false);
            _hub.Publish(result.Events);
            if (result.Accepted)
            {
                LogLeaseRecovered(_logger, job.Id, job.LeaseOwner ?? string.Empty, result.Job!.Status);
                lock (_gate)
                {
                    QueueCategory(job.CategoryCode);
                }

                if (result.Job is { } after)
                {
                    Notify(after);
                }
            }
        }
    }
}
