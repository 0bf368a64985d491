using System.Runtime.CompilerServices;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;

namespace ShopSync.Queue.Controls;

/// <summary>Watching one entry.</summary>
internal sealed partial class JobQueue
{
    /// <summary>
    /// The entry's history from the store, then live events. With a change feed, events of runs on other nodes come
    /// in from the feed too, possibly out of order or (while the feed reconnects) not at all: a gap in the sequence,
    /// or a poke after a reconnect, makes the watcher read the store from its last sequence, which has every event in
    /// order. On one node (no feed) the live events come from memory only.
    /// </summary>
    public async IAsyncEnumerable<JobEvent> WatchAsync(Guid jobId, long afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var buffer = _hub.SubscribeJob(jobId, _options.WatcherBufferSize);
        var last = Math.Max(0, afterSequence);
        var first = true;
        JobEvent? newest = null;
        while (true)
        {
            var page = await _store.ReadEventsAsync(jobId, last, EventPage, cancellationToken).ConfigureAwait(false);
            if (first && page.Count == 0)
            {
                // The history from sequence 1 always holds the accepted event, so only an empty page needs the
                // existence check (this saves a read on every EnqueueJob call, which watches its own entry).
                _ = await GetAsync(jobId, cancellationToken).ConfigureAwait(false);
                if (last > 0)
                {
                    // Resuming right after the last event: whether that event ended the entry decides if more can come.
                    var resumedAt = await _store.ReadEventsAsync(jobId, last - 1, 1, cancellationToken).ConfigureAwait(false);
                    newest = resumedAt.Count == 1 && resumedAt[0].Sequence == last ? resumedAt[0] : null;
                }
            }

            first = false;
            foreach (var item in page)
            {
                yield return item;
                last = item.Sequence;
                newest = item;
            }

            if (page.Count < EventPage)
            {
                // Also after a full page followed by an empty one: the history ends with the newest event read.
                if (newest is { IsFinal: true })
                {
                    yield break;
                }

                break;
            }
        }

        // With a feed, a poke or a gap sends the watcher back to the store; without one, memory has every event.
        var feed = _hub.HasFeed;
        while (true)
        {
            var (batch, poked) = feed
                ? await buffer.ReadOrPokeAsync(cancellationToken).ConfigureAwait(false)
                : (await buffer.ReadBatchAsync(cancellationToken).ConfigureAwait(false), false);
            if (batch.Count == 0 && !poked)
            {
                yield break;
            }

            if (feed && (poked || HasGap(batch, last)))
            {
                // Everything in the batch was persisted before it was published, so this read covers it too.
                while (true)
                {
                    var page = await _store.ReadEventsAsync(jobId, last, EventPage, cancellationToken).ConfigureAwait(false);
                    foreach (var item in page)
                    {
                        yield return item;
                        last = item.Sequence;
                        if (item.IsFinal)
                        {
                            yield break;
                        }
                    }

                    if (page.Count < EventPage)
                    {
                        break;
                    }
                }
            }

            foreach (var item in batch)
            {
                if (item.Event.Sequence <= last)
                {
                    continue;
                }

                yield return item.Event;
                last = item.Event.Sequence;
                if (item.Event.IsFinal)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>True when the batch does not continue <paramref name="last"/> one by one.</summary>
    private static bool HasGap(List<QueueEvent> batch, long last)
    {
        foreach (var item in batch)
        {
            var sequence = item.Event.Sequence;
            if (sequence <= last)
            {
                continue;
            }

            if (sequence != last + 1)
            {
                return true;
            }

            last = sequence;
        }

        return false;
    }
}
