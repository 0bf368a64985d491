using ShopSync.Queue.Retention;

namespace ShopSync.Queue.Scheduling;

/// <summary>
/// The entries schedules still need: every pending occurrence (the runner settles it from the entry's end) and each
/// schedule's current entry (what <c>GetSchedule</c> shows as its last run).
/// </summary>
internal sealed class ScheduleRetainedEntries(IScheduleStore store) : IRetainedEntries
{
    public async Task<IReadOnlyCollection<Guid>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<Guid>();
        foreach (var pending in await store.ListPendingAsync(null, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(pending.JobId);
        }

        Guid? after = null;
        while (true)
        {
            var page = await store.ListAsync(new ScheduleQuery { PageSize = 1000, After = after }, cancellationToken).ConfigureAwait(false);
            foreach (var schedule in page.Schedules)
            {
                if (schedule.CurrentJobId is { } current)
                {
                    ids.Add(current);
                }
            }

            if (!page.HasMore || page.Schedules.Count == 0)
            {
                return ids;
            }

            after = page.Schedules[^1].Id;
        }
    }
}
