using System.Diagnostics.Metrics;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Telemetry;

/// <summary>
/// What the observable gauges report, from one grouped store query that is cached for <see cref="MaxAge"/>: a scrape
/// costs at most one query for every gauge and category, and an idle server that nobody scrapes makes none.
/// </summary>
internal sealed class QueueStatistics(IJobStore store, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);
    private readonly object _gate = new();
    private IReadOnlyList<CategoryStatusCount> _counts = [];
    private long _readAt;
    private bool _read;

    public IEnumerable<Measurement<long>> Entries() =>
        Current().Select(c => new Measurement<long>(
            c.Count,
            new KeyValuePair<string, object?>("messaging.destination.name", c.CategoryCode),
            new KeyValuePair<string, object?>("shopsync.status", StatusName(c.Status))));

    public IEnumerable<Measurement<double>> OldestDueAges()
    {
        var now = time.GetUtcNow();
        return Current()
            .Where(c => c.EarliestDue is not null)
            .GroupBy(c => c.CategoryCode, StringComparer.Ordinal)
            .Select(g => new Measurement<double>(
                Math.Max(0, (now - g.Min(c => c.EarliestDue!.Value)).TotalSeconds),
                new KeyValuePair<string, object?>("messaging.destination.name", g.Key)));
    }

    /// <summary>Status names as in the protocol, e.g. <c>on_hold</c>, <c>in_process</c>.</summary>
    public static string StatusName(JobStatus status) => status switch
    {
        JobStatus.OnHold => "on_hold",
        JobStatus.InProcess => "in_process",
        _ => status.ToString().ToLowerInvariant(),
    };

    private IReadOnlyList<CategoryStatusCount> Current()
    {
        lock (_gate)
        {
            if (_read && time.GetElapsedTime(_readAt) < MaxAge)
            {
                return _counts;
            }

            // Gauge callbacks are synchronous; the SQLite read is synchronous underneath anyway.
            _counts = store.CountByCategoryAsync(CancellationToken.None).GetAwaiter().GetResult();
            _readAt = time.GetTimestamp();
            _read = true;
            return _counts;
        }
    }
}
