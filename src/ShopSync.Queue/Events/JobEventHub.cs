namespace ShopSync.Queue.Events;

/// <summary>
/// In-memory broadcast of events that are already persisted. Per-entry watchers are found by id; queue-wide
/// watchers by filter. Publishing is a non-blocking append to each matching watcher's buffer.
/// </summary>
internal sealed class JobEventHub
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<EventBuffer>> _byJob = [];
    private EventBuffer[] _global = [];

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

    public void Publish(IReadOnlyList<QueueEvent> events)
    {
        if (events.Count == 0)
        {
            return;
        }

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
