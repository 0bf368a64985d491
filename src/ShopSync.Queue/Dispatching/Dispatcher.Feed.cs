using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Dispatching;

/// <summary>What the change feed brings from other nodes: their work, their cancels, and a rescan after a reconnect.</summary>
internal sealed partial class Dispatcher
{
    private readonly IQueueFeed? _feed;

    /// <summary>Work another node queued: like <see cref="Notify(Entries.Job)"/>, without ringing it back to the feed.</summary>
    public void NotifyRemote(IReadOnlyList<FeedWork> work)
    {
        var now = _time.GetUtcNow();
        var later = false;
        lock (_gate)
        {
            foreach (var item in work)
            {
                if (item.Due <= now)
                {
                    QueueCategory(item.CategoryCode);
                }
                else
                {
                    later = true;
                    RecordNextDue(item.CategoryCode, item.Due);
                }
            }

            if (later)
            {
                ArmTimer();
            }
        }

        Pump();
    }

    /// <summary>A cancel was recorded for a running entry: stops its run here, or rings the other nodes when it runs elsewhere.</summary>
    public void StopCancelled(Guid jobId)
    {
        if (FindRun(jobId) is { } run)
        {
            run.Stop(StopReason.Cancelled);
        }
        else
        {
            _feed?.CancelRequested(jobId);
        }
    }

    /// <summary>A cancel another node recorded: stops the run if it runs here (its end is recorded as on one node).</summary>
    public void CancelRemote(Guid jobId) => FindRun(jobId)?.Stop(StopReason.Cancelled);

    /// <summary>
    /// Reads what the feed may have missed: the categories with queued work, and the cancel requests of this node's
    /// runs (by renewing their leases). Also wakes the watchers, which read their events from the store.
    /// </summary>
    public async Task RescanAsync(CancellationToken cancellationToken)
    {
        _hub.PokeWatchers();
        var categories = await _store.FindQueuedCategoriesAsync(cancellationToken).ConfigureAwait(false);
        List<LeaseRef> held;
        lock (_gate)
        {
            foreach (var category in categories)
            {
                QueueCategory(category);
            }

            held = HeldLeases();
        }

        Pump();
        await _leases.RenewAsync(held, FindRun, _time.GetUtcNow()).ConfigureAwait(false);
    }
}
