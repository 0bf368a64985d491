namespace ShopSync.Queue.Events;

/// <summary>
/// In-memory broadcast of events that are already persisted. Per-entry watchers are found by id; queue-wide
/// watchers by filter. Publishing is a non-blocking append to each matching watcher's buffer. With a change feed
/// (several nodes on one store), what this node publishes is also rung to the other nodes, and what they wrote
/// comes in through <see cref="PublishRemote"/>. <see cref="Log"/> is the queue-wide log queue-wide watchers resume
/// from: the store's when it has one, else the events this process published.
/// </summary>
internal sealed class JobEventHub
{
    private readonly Storage.IQueueFeed? _feed;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<EventBuffer>> _byJob = [];
    private readonly InProcessEventLog? _memory;
    private EventBuffer[] _global = [];

    public JobEventHub(Storage.IQueueFeed? feed = null, Storage.IQueueEventLog? log = null)
    {
        _feed = feed;
        if (log is null)
        {
            _memory = new InProcessEventLog();
        }

        Log = log ?? _memory!;
    }

    /// <summary>The queue-wide event log (see <see cref="Storage.IQueueEventLog"/>).</summary>
    public Storage.IQueueEventLog Log { get; }

    /// <summary>True when a change feed connects this node to others: per-entry watchers then fill gaps from the store.</summary>
    public bool HasFeed => _feed is not null;

    /// <summary>True when some watcher on this node would receive events of <paramref name="jobId"/>.</summary>
    public bool Wants(Guid jobId)
    {
        if (Volatile.Read(ref _global).Length > 0)
        {
            return true;
        }

        lock (_gate)
        {
            return _byJob.ContainsKey(jobId);
        }
    }

    /// <summary>Wakes every watcher to read its events from the store (after the feed reconnected, or while it polls).</summary>
    public void PokeWatchers()
    {
        List<EventBuffer> watchers;
        lock (_gate)
        {
            watchers = [.. _byJob.Values.SelectMany(l => l), .. _global];
        }

        foreach (var buffer in watchers)
        {
            buffer.Poke();
        }
    }

    public EventBuffer SubscribeJob(Guid jobId, int capacity)
    {
        var buffer = new EventBuffer(capacity, static _ => true, b => Unsubscribe(jobId, b));
        lock (_gate)
        {
            if (!_byJob.TryGetValue(jobId, out var list))
            {
                _byJob[jobId] = list = [];
            }

            list.Add(buffer);
        }

        return buffer;
    }

    public EventBuffer SubscribeAll(QueueWatchFilter filter, int capacity)
    {
        var buffer = new EventBuffer(capacity, filter.Matches, UnsubscribeGlobal);
        lock (_gate)
        {
            _global = [.. _global, buffer];
        }

        return buffer;
    }

    /// <summary>Broadcasts events this node persisted (and rings them to other nodes when there is a feed).</summary>
    public void Publish(IReadOnlyList<QueueEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        _memory?.Append(events);
        Deliver(events);
        _feed?.EventsWritten(events);
    }

    /// <summary>Broadcasts events another node persisted (read from the store after its doorbell).</summary>
    public void PublishRemote(IReadOnlyList<QueueEvent> events)
    {
        if (events.Count > 0)
        {
            Deliver(events);
        }
    }

    private void Deliver(IReadOnlyList<QueueEvent> events)
    {
        var global = Volatile.Read(ref _global);
        foreach (var item in events)
        {
            foreach (var buffer in global)
            {
                if (buffer.Filter(item))
                {
                    buffer.Write(item);
                }
            }

            EventBuffer[]? watchers = null;
            lock (_gate)
            {
                if (_byJob.Count > 0 && _byJob.TryGetValue(item.Event.JobId, out var list))
                {
                    watchers = [.. list];
                }
            }

            if (watchers is not null)
            {
                foreach (var buffer in watchers)
                {
                    buffer.Write(item);
                }
            }
        }
    }

    /// <summary>Ends the watches of a deleted entry.</summary>
    public void CloseJob(Guid jobId)
    {
        EventBuffer[] watchers;
        lock (_gate)
        {
            if (!_byJob.TryGetValue(jobId, out var list))
            {
                return;
            }

            watchers = [.. list];
        }

        foreach (var buffer in watchers)
        {
            buffer.Close();
        }
    }

    private void Unsubscribe(Guid jobId, EventBuffer buffer)
    {
        lock (_gate)
        {
            if (_byJob.TryGetValue(jobId, out var list) && list.Remove(buffer) && list.Count == 0)
            {
                _byJob.Remove(jobId);
            }
        }
    }

    private void UnsubscribeGlobal(EventBuffer buffer)
    {
        lock (_gate)
        {
            _global = [.. _global.Where(b => b != buffer)];
        }
    }
}
