using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres.Feed;

/// <summary>
/// The outgoing doorbell. What this node wrote is collected in memory (events merged per entry into a sequence
/// range, work per category with its earliest due time) and sent by one loop as one <c>pg_notify</c> statement of
/// its own, after the writes committed: no enqueue or completion commit carries a NOTIFY (a commit that did takes
/// a server-wide lock), and only one NOTIFY of this node is in flight at a time. Everything written while one is
/// in flight, or within <see cref="MinInterval"/> of the last, goes into the next one.
/// </summary>
internal sealed partial class PgFeedNotifier(PostgresJobStore store, string channel, string sender, TimeProvider time, ILogger logger)
{
    /// <summary>At most one NOTIFY per node per millisecond.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(1);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, (long From, long To)> _events = [];
    private readonly Dictionary<string, DateTimeOffset> _work = new(StringComparer.Ordinal);
    private readonly HashSet<Guid> _cancels = [];
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Work(string categoryCode, DateTimeOffset due)
    {
        lock (_gate)
        {
            if (!_work.TryGetValue(categoryCode, out var known) || due < known)
            {
                _work[categoryCode] = due;
            }
        }

        _doorbell.Writer.TryWrite(true);
    }

    public void Events(IReadOnlyList<QueueEvent> events)
    {
        lock (_gate)
        {
            foreach (var item in events)
            {
                var sequence = item.Event.Sequence;
                _events[item.Event.JobId] = _events.TryGetValue(item.Event.JobId, out var range)
                    ? (Math.Min(range.From, sequence), Math.Max(range.To, sequence))
                    : (sequence, sequence);
            }
        }

        _doorbell.Writer.TryWrite(true);
    }

    public void Cancel(Guid jobId)
    {
        lock (_gate)
        {
            _cancels.Add(jobId);
        }

        _doorbell.Writer.TryWrite(true);
    }

    /// <summary>No more rings: <see cref="RunAsync"/> sends what is pending and ends.</summary>
    public void Complete() => _doorbell.Writer.TryComplete();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var lastSent = 0L;
        var completed = false;
        while (!completed)
        {
            if (!await _doorbell.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Completed (the node stops): one last send of what the engine wrote while stopping.
                completed = true;
            }

            _doorbell.Reader.TryRead(out _);
            var since = time.GetElapsedTime(lastSent);
            if (lastSent != 0 && since < MinInterval)
            {
                await Task.Delay(MinInterval - since, time, cancellationToken).ConfigureAwait(false);
            }

            var message = Take();
            if (message.IsEmpty)
            {
                continue;
            }

            try
            {
                await store.NotifyAsync(channel, FeedPayload.Encode(message), cancellationToken).ConfigureAwait(false);
                lastSent = time.GetTimestamp();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogNotifyFailed(logger, ex.Message);
                PutBack(message);
                if (completed)
                {
                    return;
                }

                await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
                _doorbell.Writer.TryWrite(true);
            }
        }
    }

    private FeedMessage Take()
    {
        var message = new FeedMessage { Sender = sender };
        lock (_gate)
        {
            message.Events.AddRange(_events.Select(e => new FeedEventRange(e.Key, e.Value.From, e.Value.To)));
            message.Work.AddRange(_work.Select(w => new FeedWork(w.Key, w.Value)));
            message.Cancels.AddRange(_cancels);
            _events.Clear();
            _work.Clear();
            _cancels.Clear();
        }

        return message;
    }

    private void PutBack(FeedMessage message)
    {
        foreach (var range in message.Events)
        {
            lock (_gate)
            {
                _events[range.JobId] = _events.TryGetValue(range.JobId, out var known)
                    ? (Math.Min(range.From, known.From), Math.Max(range.To, known.To))
                    : (range.From, range.To);
            }
        }

        foreach (var work in message.Work)
        {
            Work(work.CategoryCode, work.Due);
        }

        foreach (var id in message.Cancels)
        {
            Cancel(id);
        }
    }

    [LoggerMessage(EventId = 2110, EventName = "FeedNotifyFailed", Level = LogLevel.Warning, Message = "The change feed could not ring the other nodes (retrying): {Reason}")]
    private static partial void LogNotifyFailed(ILogger logger, string reason);
}
