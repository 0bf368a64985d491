using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Dispatching;

/// <summary>
/// One timer for everything time-driven: due entries, the lease check (done by <see cref="LeaseKeeper"/>), the safety poll.
/// </summary>
internal sealed partial class Dispatcher
{
    private int _maintenanceRunning;

    /// <summary>Caller holds the lock. Arms the timer for the earliest thing this node waits for.</summary>
    private void ArmTimer()
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
        // The clock is read here, not taken from the caller: a time read before a store call would arm the timer
        // late by that call's duration (and on a test's fake clock by any advance made meanwhile).
        var delay = wake - _time.GetUtcNow();
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

            ArmTimer();
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
        if (!TryBeginStoreCall())
        {
            return;
        }

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
        finally
        {
            EndStoreCall();
        }
    }

    private async Task MaintainLeasesAsync(DateTimeOffset now, bool poll)
    {
        if (!TryBeginStoreCall())
        {
            Volatile.Write(ref _maintenanceRunning, 0);
            return;
        }

        try
        {
            List<LeaseRef> held;
            lock (_gate)
            {
                held = HeldLeases();
            }

            await _leases.RenewAsync(held, FindRun, now).ConfigureAwait(false);
            await _leases.RecoverExpiredAsync(now, IsHeldHere, OnRecovered).ConfigureAwait(false);
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
            EndStoreCall();
        }

        Pump();
    }

    /// <summary>Caller holds the lock.</summary>
    private List<LeaseRef> HeldLeases() => [.. _running.Values.Select(r => new LeaseRef(r.Job.Id, r.Job.FencingToken))];

    /// <summary>A recovered entry's category is released: queue it, and tell the dispatcher about the entry.</summary>
    private void OnRecovered(Job before, Job? after)
    {
        lock (_gate)
        {
            QueueCategory(before.CategoryCode);
        }

        if (after is not null)
        {
            Notify(after);
        }
    }
}
