using ShopSync.Queue.Audit;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// Concurrent enqueue calls in one transaction (the group commit of enqueues, see
/// <see cref="PgGroupCommit{TItem, TResult}"/>): their entries go into one multi-row insert in the calls' order, each
/// call's audit record commits with them, and each call gets back its own entries and events. A group that fails (an
/// occurrence a schedule already queued, say) is written again call by call, so only the call at fault fails.
/// </summary>
internal static class PgGroupedInserts
{
    /// <summary>At most this many entries per group (one bulk call may bring more; it is then written alone).</summary>
    public const int MaxEntriesPerGroup = 1_000;

    public static Func<PgInsertWrite, bool> NewGroup()
    {
        var entries = 0;
        return write =>
        {
            if (entries > 0 && entries + write.Jobs.Count > MaxEntriesPerGroup)
            {
                return false;
            }

            entries += write.Jobs.Count;
            return true;
        };
    }

    /// <summary>The group's result cut into each call's: its entries (in its order) and its entries' events.</summary>
    public static IReadOnlyList<StoreResult<IReadOnlyList<Job>>> Split(IReadOnlyList<PgInsertWrite> group, StoreResult<IReadOnlyList<Job>> all)
    {
        var owner = new Dictionary<Guid, int>();
        var results = new (Job[] Jobs, List<QueueEvent> Events)[group.Count];
        var offset = 0;
        for (var i = 0; i < group.Count; i++)
        {
            var count = group[i].Jobs.Count;
            results[i] = (new Job[count], new List<QueueEvent>(count));
            for (var k = 0; k < count; k++)
            {
                var job = all.Value[offset + k];
                results[i].Jobs[k] = job;
                owner[job.Id] = i;
            }

            offset += count;
        }

        foreach (var item in all.Events)
        {
            results[owner[item.Event.JobId]].Events.Add(item);
        }

        return results.Select(r => new StoreResult<IReadOnlyList<Job>>(r.Jobs, r.Events)).ToList();
    }
}

/// <summary>One enqueue call's entries, and the audit record of the call (when it is audited).</summary>
internal sealed record PgInsertWrite(IReadOnlyList<NewJob> Jobs, AuditRecord? Audit);
