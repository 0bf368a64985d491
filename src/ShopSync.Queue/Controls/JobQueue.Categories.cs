using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Controls;

/// <summary>The category overview: one store read, assembled per category.</summary>
internal sealed partial class JobQueue
{
    public async Task<IReadOnlyList<CategoryOverview>> ListCategoriesAsync(CategoryQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var minutes = query.ThroughputMinutes switch
        {
            0 => CategoryQuery.DefaultMinutes,
            < 0 or > CategoryQuery.MaxMinutes => throw new JobValidationException(
                "throughput_minutes", $"must be between 1 and {CategoryQuery.MaxMinutes} (0: {CategoryQuery.DefaultMinutes})."),
            var m => m,
        };
        RequestLimits.CheckLength(query.ShopCode, RequestLimits.NameLength, "shop_code");
        var now = _time.GetUtcNow();
        var activity = await _store.ReadCategoryActivityAsync(
            new CategoryActivityQuery(query.ShopCode, query.Shops, now, now.AddMinutes(-minutes)), cancellationToken).ConfigureAwait(false);

        var codes = new SortedSet<string>(StringComparer.Ordinal);
        codes.UnionWith(activity.Counts.Select(c => c.CategoryCode));
        codes.UnionWith(activity.Ended.Select(e => e.CategoryCode));
        var overviews = new List<CategoryOverview>(codes.Count);
        foreach (var code in codes)
        {
            var counts = activity.Counts.Where(c => c.CategoryCode == code).ToList();
            long Count(JobStatus status) => counts.Where(c => c.Status == status).Sum(c => c.Count);
            var perMinute = new int[minutes];
            foreach (var ended in activity.Ended.Where(e => e.CategoryCode == code && e.Minute >= 0 && e.Minute < minutes))
            {
                perMinute[ended.Minute] += ended.Count;
            }

            overviews.Add(new CategoryOverview
            {
                CategoryCode = code,
                Running = activity.Running.FirstOrDefault(j => j.CategoryCode == code),
                Waiting = Clamp(counts.Where(c => JobStateMachine.IsQueued(c.Status)).Sum(c => c.Due)),
                Ready = Clamp(Count(JobStatus.Ready)),
                OnHold = Clamp(Count(JobStatus.OnHold)),
                Error = Clamp(Count(JobStatus.Error)),
                OldestWaiting = activity.OldestWaiting.FirstOrDefault(j => j.CategoryCode == code),
                FinishedPerMinute = perMinute,
            });
        }

        return overviews;
    }

    private static int Clamp(long count) => count > int.MaxValue ? int.MaxValue : (int)count;
}
