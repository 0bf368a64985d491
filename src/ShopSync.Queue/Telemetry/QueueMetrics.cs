using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Telemetry;

/// <summary>
/// The queue's instruments (meter <c>ShopSync.Queue</c>). Attributes follow OpenTelemetry's messaging conventions where
/// they fit (<c>messaging.destination.name</c> = category), the rest are <c>shopsync.*</c>. Recording costs nothing
/// measurable while no listener is attached.
/// </summary>
internal sealed class QueueMetrics : IDisposable
{
    private static readonly ConcurrentDictionary<int, string> TaskNames = new();
    private readonly Meter _meter;
    private readonly Counter<long> _enqueued;
    private readonly Counter<long> _started;
    private readonly Counter<long> _completed;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _wait;
    private readonly Counter<long> _leasesRecovered;
    private readonly Counter<long> _fencedRejected;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _lateness;
    private readonly Counter<long> _purged;

    public QueueMetrics(QueueStatistics statistics, IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(QueueTelemetry.Name) ?? new Meter(QueueTelemetry.Name);
        _enqueued = _meter.CreateCounter<long>("shopsync.queue.entries.enqueued", "{entry}", "Entries queued.");
        _started = _meter.CreateCounter<long>("shopsync.queue.runs.started", "{run}", "Runs (attempts) started.");
        _completed = _meter.CreateCounter<long>("shopsync.queue.runs.completed", "{run}", "Runs ended, by result.");
        _duration = _meter.CreateHistogram<double>("shopsync.queue.run.duration", "s", "How long a run took.");
        _wait = _meter.CreateHistogram<double>("shopsync.queue.wait.duration", "s", "From due to start of a run.");
        _leasesRecovered = _meter.CreateCounter<long>("shopsync.queue.leases.recovered", "{lease}", "Runs of dead nodes recovered.");
        _fencedRejected = _meter.CreateCounter<long>("shopsync.queue.fenced_writes.rejected", "{write}", "Completions refused: the run's fencing token no longer held.");
        _retries = _meter.CreateCounter<long>("shopsync.queue.retries", "{retry}", "Failed runs queued again with attempts left.");
        _lateness = _meter.CreateHistogram<double>("shopsync.schedule.lateness", "s", "How late a schedule's occurrence was queued.");
        _purged = _meter.CreateCounter<long>("shopsync.queue.purged", "{row}", "Rows removed by retention or a purge.");
        _meter.CreateObservableGauge("shopsync.queue.entries", statistics.Entries, "{entry}", "Entries by category and status.");
        _meter.CreateObservableGauge("shopsync.queue.oldest_due.age", statistics.OldestDueAges, "s", "Age of the longest-due Ready or Waiting entry per category.");
    }

    public void Enqueued(Job job) => _enqueued.Add(1, Task(job), Shop(job), Category(job));

    public void Started(Job job, TimeSpan wait)
    {
        _started.Add(1, Task(job), Shop(job), Category(job));
        _wait.Record(Math.Max(0, wait.TotalSeconds), Task(job), Category(job));
    }

    public void Completed(Job job, JobResult result, TimeSpan duration, bool retry)
    {
        var tags = new TagList { Task(job), Shop(job), Category(job), { "shopsync.result", ResultName(result) } };
        _completed.Add(1, tags);
        _duration.Record(Math.Max(0, duration.TotalSeconds), Task(job), new KeyValuePair<string, object?>("shopsync.result", ResultName(result)));
        if (retry)
        {
            _retries.Add(1, Task(job), Shop(job));
        }
    }

    public void LeaseRecovered(Job job) => _leasesRecovered.Add(1, Task(job), Category(job));

    public void FencedWriteRejected(Job job) => _fencedRejected.Add(1, Task(job), Category(job));

    public void ScheduleLateness(TimeSpan lateness, int reportId) =>
        _lateness.Record(Math.Max(0, lateness.TotalSeconds), new KeyValuePair<string, object?>("shopsync.task", TaskName(reportId)));

    public void Purged(string kind, long count)
    {
        if (count > 0)
        {
            _purged.Add(count, new KeyValuePair<string, object?>("shopsync.kind", kind));
        }
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>Result names as in the protocol (snake case), e.g. <c>succeeded</c>, <c>timed_out</c>.</summary>
    public static string ResultName(JobResult result) => result switch
    {
        JobResult.SucceededWithWarnings => "succeeded_with_warnings",
        JobResult.TimedOut => "timed_out",
        _ => result.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The task tag, formatted once per report: every enqueue, start and completion records it. Report ids come from
    /// the registered catalog, so the cache stays as small as the catalog.
    /// </summary>
    internal static string TaskName(int reportId) =>
        TaskNames.GetOrAdd(reportId, static id => id.ToString(CultureInfo.InvariantCulture));

    private static KeyValuePair<string, object?> Task(Job job) => new("shopsync.task", TaskName(job.ReportId));

    private static KeyValuePair<string, object?> Shop(Job job) => new("shopsync.shop", job.ShopCode);

    private static KeyValuePair<string, object?> Category(Job job) => new("messaging.destination.name", job.CategoryCode);
}
