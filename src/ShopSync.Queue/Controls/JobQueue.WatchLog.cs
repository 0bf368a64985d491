using System.Runtime.CompilerServices;
using ShopSync.Queue.Events;

namespace ShopSync.Queue.Controls;

/// <summary>Watching the whole queue from the queue-wide log, resumably.</summary>
internal sealed partial class JobQueue
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan GiveUpPending = TimeSpan.FromSeconds(10);

    public Task<string> EventLogHeadAsync(CancellationToken cancellationToken) => _hub.Log.HeadAsync(cancellationToken);

    /// <summary>
    /// The log is the stream: every read starts at the last position read, so nothing is skipped or repeated, across
    /// nodes and across a resume. What this node publishes (its own writes, and other nodes' that the change feed
    /// brought in) only wakes the reader. An event the log does not give yet although it was published (on
    /// PostgreSQL, an older transaction has not committed) is read again after a short back-off, until it comes.
    /// </summary>
    public async IAsyncEnumerable<LoggedQueueEvent> WatchLogAsync(
        QueueWatchFilter filter, string afterPosition, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        filter ??= QueueWatchFilter.All;
        ArgumentException.ThrowIfNullOrEmpty(afterPosition);
        using var wake = _hub.SubscribeAll(filter, _options.WatcherBufferSize);
        var log = _hub.Log;
        var position = afterPosition;
        var pending = new Dictionary<Guid, long>();
        var retry = FirstRetry;
        var pendingSince = 0L;
        Task<(List<QueueEvent> Events, bool Poked)>? woken = null;
        while (true)
        {
            while (true)
            {
                var page = await log.ReadAsync(position, EventPage, cancellationToken).ConfigureAwait(false);
                foreach (var logged in page.Events)
                {
                    var e = logged.Item.Event;
                    if (pending.TryGetValue(e.JobId, out var expected) && e.Sequence >= expected)
                    {
                        pending.Remove(e.JobId);
                    }

                    if (filter.Matches(logged.Item))
                    {
                        yield return logged;
                    }
                }

                position = page.Next;
                if (page.Events.Count < EventPage)
                {
                    break;
                }
            }

            woken ??= wake.ReadOrPokeAsync(cancellationToken).AsTask();
            if (pending.Count > 0 && _time.GetElapsedTime(pendingSince) >= GiveUpPending)
            {
                // Published but never logged: the entry was deleted or purged in between.
                pending.Clear();
            }

            if (pending.Count > 0)
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var backOff = Task.Delay(retry, _time, stop.Token);
                var first = await Task.WhenAny(woken, backOff).ConfigureAwait(false);
                await stop.CancelAsync().ConfigureAwait(false);
                if (first == backOff)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
                    continue;
                }
            }

            var (events, poked) = await woken.ConfigureAwait(false);
            woken = null;
            if (events.Count == 0 && !poked)
            {
                yield break;
            }

            if (pending.Count == 0)
            {
                pendingSince = _time.GetTimestamp();
            }

            foreach (var item in events)
            {
                pending[item.Event.JobId] = Math.Max(item.Event.Sequence, pending.GetValueOrDefault(item.Event.JobId));
            }

            retry = FirstRetry;
        }
    }
}
