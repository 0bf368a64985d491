using ShopSync.Queue.Entries;
using ShopSync.Queue.Health;

namespace ShopSync.Storage.Health;

/// <summary>The finished runs of one shop, folded: per report health and the ids of the failed runs.</summary>
internal sealed class ShopLogFold(string shopCode)
{
    private readonly Dictionary<int, ReportFold> _reports = [];
    private readonly List<FailureRef> _failures = [];

    public string ShopCode { get; } = shopCode;

    public void Apply(LogRow row)
    {
        if (!_reports.TryGetValue(row.ReportId, out var report))
        {
            report = new ReportFold(row.ReportId);
            _reports.Add(row.ReportId, report);
        }
        report.Apply(row);
        if (row.Result is JobResult.Failed or JobResult.TimedOut)
        {
            AddFailure(new FailureRef(row.Id, row.EndTicks ?? 0));
        }
    }

    public ShopTaskHealth Snapshot(IEnumerable<LogRow> running, long? failedSinceTicks)
    {
        var byReport = running.GroupBy(r => r.ReportId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id));
        var ids = _reports.Keys.Union(byReport.Keys).Order();
        var tasks = ids.Select(id => (_reports.TryGetValue(id, out var fold) ? fold : new ReportFold(id)).ToRecord(byReport.GetValueOrDefault(id))).ToList();
        return new ShopTaskHealth(ShopCode, tasks, _failures.Count, failedSinceTicks is { } since ? CountSince(since) : _failures.Count);
    }

    /// <summary>Ids of failed runs ending at or after <paramref name="sinceTicks"/>, below <paramref name="beforeId"/>, newest first.</summary>
    public (IReadOnlyList<long> Ids, long Total) FailedIds(long? sinceTicks, long? beforeId, int take)
    {
        var ids = new List<long>(take);
        var total = 0L;
        for (var i = _failures.Count - 1; i >= 0; i--)
        {
            var failure = _failures[i];
            if (sinceTicks is { } since && failure.EndTicks < since)
            {
                continue;
            }
            total++;
            if (ids.Count < take && (beforeId is null || failure.Id < beforeId))
            {
                ids.Add(failure.Id);
            }
        }
        return (ids, total);
    }

    private long CountSince(long sinceTicks)
    {
        var count = 0L;
        foreach (var failure in _failures)
        {
            if (failure.EndTicks >= sinceTicks)
            {
                count++;
            }
        }
        return count;
    }

    private void AddFailure(FailureRef failure)
    {
        // Almost always an append; a run that finished after a newer one started lands in its id order.
        var index = _failures.Count;
        while (index > 0 && _failures[index - 1].Id > failure.Id)
        {
            index--;
        }
        _failures.Insert(index, failure);
    }

    private readonly record struct FailureRef(long Id, long EndTicks);
}
