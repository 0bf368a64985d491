using System.Threading.Channels;

namespace ShopSync.Queue.Events;

/// <summary>
/// One watcher's buffer. Publishing never blocks: when the watcher is slow, a new progress event replaces the
/// entry's pending progress event (or is dropped at capacity); every other event (waiting, started, completed …)
/// is always kept, so the final event is never lost.
/// </summary>
internal sealed class EventBuffer : IDisposable
{
    private readonly LinkedList<QueueEvent> _events = new();
    private readonly Dictionary<Guid, LinkedListNode<QueueEvent>> _lastByJob = [];
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private readonly Action<EventBuffer> _onDispose;
    private bool _closed;
    private bool _poked;

    public EventBuffer(int capacity, Func<QueueEvent, bool> filter, Action<EventBuffer> onDispose)
    {
        _capacity = Math.Max(1, capacity);
        Filter = filter;
        _onDispose = onDispose;
    }

    public Func<QueueEvent, bool> Filter { get; }

    public void Write(QueueEvent item)
    {
        var isProgress = item.Event.Data is JobProgressReported;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            var jobId = item.Event.JobId;
            if (isProgress && _lastByJob.TryGetValue(jobId, out var last) && last.Value.Event.Data is JobProgressReported)
            {
                last.Value = item;
                return;
            }

            if (isProgress && _events.Count >= _capacity)
            {
                return;
            }

            _lastByJob[jobId] = _events.AddLast(item);
        }

        _doorbell.Writer.TryWrite(true);
    }

    /// <summary>Ends the stream after what is buffered.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
        }

        _doorbell.Writer.TryComplete();
    }

    /// <summary>Asks the watcher to read the store (see <see cref="ReadOrPokeAsync"/>).</summary>
    public void Poke()
    {
        lock (_gate)
        {
            _poked = true;
        }

        _doorbell.Writer.TryWrite(true);
    }

    /// <summary>Waits for and takes everything buffered; an empty list means the buffer was closed.</summary>
    public async ValueTask<List<QueueEvent>> ReadBatchAsync(CancellationToken cancellationToken) =>
        (await ReadCoreAsync(false, cancellationToken).ConfigureAwait(false)).Events;

    /// <summary>
    /// As <see cref="ReadBatchAsync"/>, and also returns when <see cref="Poke"/> was called (Poked, possibly with no
    /// events); no events and not poked means the buffer was closed.
    /// </summary>
    public ValueTask<(List<QueueEvent> Events, bool Poked)> ReadOrPokeAsync(CancellationToken cancellationToken) =>
        ReadCoreAsync(true, cancellationToken);

    private async ValueTask<(List<QueueEvent> Events, bool Poked)> ReadCoreAsync(bool poke, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                var poked = poke && _poked;
                if (poked)
                {
                    _poked = false;
                }

                if (_events.Count > 0 || poked)
                {
                    var batch = new List<QueueEvent>(_events);
                    _events.Clear();
                    _lastByJob.Clear();
                    return (batch, poked);
                }
            }

            if (!await _doorbell.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                lock (_gate)
                {
                    if (_events.Count == 0)
                    {
                        return ([], false);
                    }
                }
            }

            _doorbell.Reader.TryRead(out _);
        }
    }

    public void Dispose() => _onDispose(this);
}
