using ShopSync.Queue.Errors;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// Group commit: writes of concurrent callers that can share a transaction are written in one (one set of round
/// trips, one WAL flush), each caller getting back what its own write would have. Nothing waits to fill a group: the
/// first write finding fewer than <see cref="MaxGroupsInFlight"/> groups in flight is written at once (by its caller,
/// as the leader), and whatever arrives while groups are in flight goes into the next one. A leader whose own write is
/// done hands the rest to a background leader, so no caller waits behind other callers' groups.
/// </summary>
/// <param name="writeTogether">Writes a group of two or more in one transaction; the results in the group's order.</param>
/// <param name="writeAlone">Writes one in a transaction of its own (a group of one, or each of a group that failed).</param>
/// <param name="newGroup">A fresh test of what may join a group under way: true when the item fits (and is now in it).</param>
internal sealed class PgGroupCommit<TItem, TResult>(
    Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> writeTogether,
    Func<TItem, Task<TResult>> writeAlone,
    Func<Func<TItem, bool>> newGroup)
{
    /// <summary>At most this many writes per transaction.</summary>
    public const int MaxGroupSize = 64;

    /// <summary>Two groups may be in flight at once, so one is built while the other waits for its flush.</summary>
    public const int MaxGroupsInFlight = 2;

    private readonly Lock _gate = new();
    private readonly List<Pending> _queue = [];
    private int _inFlight;
    private long _writtenInGroups;

    /// <summary>How many writes went through groups of more than one so far.</summary>
    public long WrittenInGroups => Interlocked.Read(ref _writtenInGroups);

    public async Task<TResult> WriteAsync(TItem item)
    {
        var pending = new Pending(item);
        bool lead;
        lock (_gate)
        {
            _queue.Add(pending);
            lead = _inFlight < MaxGroupsInFlight;
            if (lead)
            {
                _inFlight++;
            }
        }

        if (lead)
        {
            await LeadAsync(pending).ConfigureAwait(false);
        }

        return await pending.Result.Task.ConfigureAwait(false);
    }

    /// <summary>Writes groups until the queue is empty, or until <paramref name="own"/> is written (then hands over).</summary>
    private async Task LeadAsync(Pending? own)
    {
        while (true)
        {
            List<Pending> group;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _inFlight--;
                    return;
                }

                if (own is { Result.Task.IsCompleted: true })
                {
                    // The leadership (and its place among the groups in flight) passes to a background leader,
                    // without this caller's async context (its audit scope, its trace): it writes for the others.
                    using (ExecutionContext.SuppressFlow())
                    {
                        _ = Task.Run(() => LeadAsync(null));
                    }

                    return;
                }

                group = TakeGroup();
            }

            await WriteGroupAsync(group).ConfigureAwait(false);
        }
    }

    /// <summary>Up to <see cref="MaxGroupSize"/> queued writes, in order, that fit together; the others stay queued in order.</summary>
    private List<Pending> TakeGroup()
    {
        var fits = newGroup();
        var group = new List<Pending>(Math.Min(_queue.Count, MaxGroupSize));
        for (var i = 0; i < _queue.Count && group.Count < MaxGroupSize; i++)
        {
            if (fits(_queue[i].Item))
            {
                group.Add(_queue[i]);
                _queue.RemoveAt(i);
                i--;
            }
        }

        return group;
    }

    private async Task WriteGroupAsync(List<Pending> group)
    {
        if (group.Count == 1)
        {
            await WriteAloneAsync(group[0]).ConfigureAwait(false);
            return;
        }

        IReadOnlyList<TResult> results;
        try
        {
            results = await writeTogether(group.ConvertAll(p => p.Item)).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex) when (ex.IsTransient)
        {
            // The database is unavailable to all of them alike: each caller gets the error it would have got alone.
            foreach (var pending in group)
            {
                pending.Result.TrySetException(ex);
            }

            return;
        }
        catch (Exception)
        {
            // Whatever failed the group must not fail the others: each is written on its own, and only the one at fault fails.
            foreach (var pending in group)
            {
                await WriteAloneAsync(pending).ConfigureAwait(false);
            }

            return;
        }

        Interlocked.Add(ref _writtenInGroups, group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            group[i].Result.TrySetResult(results[i]);
        }
    }

    private async Task WriteAloneAsync(Pending pending)
    {
        try
        {
            pending.Result.TrySetResult(await writeAlone(pending.Item).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            pending.Result.TrySetException(ex);
        }
    }

    private sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
