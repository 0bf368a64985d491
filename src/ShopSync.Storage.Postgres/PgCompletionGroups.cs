using ShopSync.Queue.Errors;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// Group commit of run completions. The ends of runs that finish at about the same time on this node are written in
/// one transaction (<see cref="PostgresJobStore.CompleteTogetherAsync"/>): one vectorised fenced update, one claim for all
/// their hand-overs, one events insert, one commit, so a hand-over costs a share of two round trips and of one WAL
/// flush instead of all of them. Nothing waits to fill a group: the first completion finding fewer than
/// <see cref="MaxGroupsInFlight"/> groups in flight writes at once (as the leader, on its own thread), and whatever
/// arrives while groups are in flight goes into the next one. A leader whose own completion is written hands the rest
/// to a background leader, so no run's end waits behind other runs' groups.
/// </summary>
internal sealed class PgCompletionGroups(Func<IReadOnlyList<PgCompletionGroups.Pending>, Task<IReadOnlyList<CompletionResult>>> writeTogether,
    Func<PgCompletionGroups.Pending, Task<CompletionResult>> writeAlone)
{
    /// <summary>At most this many completions per transaction.</summary>
    public const int MaxGroupSize = 64;

    /// <summary>Two groups may be in flight at once, so one can be built while the other waits for its flush.</summary>
    public const int MaxGroupsInFlight = 2;

    private readonly Lock _gate = new();
    private readonly List<Pending> _queue = [];
    private int _inFlight;
    private long _writtenInGroups;

    /// <summary>How many completions were written in groups of more than one so far.</summary>
    public long WrittenInGroups => Interlocked.Read(ref _writtenInGroups);

    public async Task<CompletionResult> CompleteAsync(RunCompletion completion, ClaimRequest? claimNext)
    {
        var pending = new Pending(completion, claimNext);
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
                    // The leadership (and its place among the groups in flight) passes to a background leader.
                    _ = Task.Run(() => LeadAsync(null));
                    return;
                }

                group = TakeGroup();
            }

            await WriteAsync(group).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Up to <see cref="MaxGroupSize"/> queued completions in order that can share a transaction: one per entry, claims
    /// for one owner, no category asked for twice. The others stay queued, in order, for a later group.
    /// </summary>
    private List<Pending> TakeGroup()
    {
        var group = new List<Pending>(Math.Min(_queue.Count, MaxGroupSize));
        var jobs = new HashSet<Guid>();
        var categories = new HashSet<string>(StringComparer.Ordinal);
        string? owner = null;
        for (var i = 0; i < _queue.Count && group.Count < MaxGroupSize; i++)
        {
            var item = _queue[i];
            var claim = item.ClaimNext;
            if (jobs.Contains(item.Completion.JobId)
                || claim is not null && ((owner is not null && !string.Equals(owner, claim.Owner, StringComparison.Ordinal)) || claim.Categories.Any(categories.Contains)))
            {
                continue;
            }

            jobs.Add(item.Completion.JobId);
            if (claim is not null)
            {
                owner = claim.Owner;
                categories.UnionWith(claim.Categories);
            }

            group.Add(item);
            _queue.RemoveAt(i);
            i--;
        }

        return group;
    }

    private async Task WriteAsync(List<Pending> group)
    {
        if (group.Count == 1)
        {
            await WriteAloneAsync(group[0]).ConfigureAwait(false);
            return;
        }

        IReadOnlyList<CompletionResult> results;
        try
        {
            results = await writeTogether(group).ConfigureAwait(false);
        }
        catch (StorageUnavailableException ex) when (ex.IsTransient)
        {
            // The database is unavailable for all of them alike: each run keeps its lease and writes its end again.
            foreach (var item in group)
            {
                item.Result.TrySetException(ex);
            }

            return;
        }
        catch (Exception)
        {
            // Whatever failed the group is not allowed to fail the others: each is written on its own, and only the
            // completion at fault fails.
            foreach (var item in group)
            {
                await WriteAloneAsync(item).ConfigureAwait(false);
            }

            return;
        }

        Interlocked.Add(ref _writtenInGroups, group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            group[i].Result.TrySetResult(results[i]);
        }
    }

    private async Task WriteAloneAsync(Pending item)
    {
        try
        {
            item.Result.TrySetResult(await writeAlone(item).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            item.Result.TrySetException(ex);
        }
    }

    /// <summary>A completion waiting for its group; its caller awaits <see cref="Result"/>.</summary>
    internal sealed class Pending(RunCompletion completion, ClaimRequest? claimNext)
    {
        public RunCompletion Completion { get; } = completion;

        public ClaimRequest? ClaimNext { get; } = claimNext;

        public TaskCompletionSource<CompletionResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
