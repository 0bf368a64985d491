using Microsoft.Extensions.Logging;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Dispatching;

/// <summary>
/// Lease keeping, apart from dispatching (as River's rescuer and Hangfire's watchdog): renews the leases of this
/// node's runs, stops the runs whose lease was lost or whose cancel was asked, and recovers the In Process entries
/// of nodes that stopped renewing. The dispatcher decides when (its one timer) and owns the runs; this type owns
/// what a lease check does. Failures propagate to the caller, which logs them and tries again at the next check.
/// </summary>
internal sealed partial class LeaseKeeper
{
    private readonly IJobStore _store;
    private readonly JobEventHub _hub;
    private readonly IReportCatalog _catalog;
    private readonly ILogger _logger;
    private readonly QueueOptions _options;
    private readonly string _node;
    private readonly Telemetry.QueueMetrics _metrics;

    public LeaseKeeper(
        IJobStore store, JobEventHub hub, IReportCatalog catalog, QueueOptions options, string node, ILogger logger, Telemetry.QueueMetrics metrics)
    {
        _metrics = metrics;
        _store = store;
        _hub = hub;
        _catalog = catalog;
        _options = options;
        _node = node;
        _logger = logger;
    }

    /// <summary>
    /// Extends the leases in <paramref name="held"/> by one lease duration from <paramref name="now"/>. A run whose
    /// lease is gone is stopped as lost (if that run is still here), one whose cancel was asked is stopped as
    /// cancelled (looked up by <paramref name="findRun"/> once the store has answered).
    /// </summary>
    public async Task RenewAsync(IReadOnlyList<LeaseRef> held, Func<Guid, RunningJob?> findRun, DateTimeOffset now)
    {
        if (held.Count == 0)
        {
            return;
        }

        var renewal = await _store.RenewLeasesAsync(new LeaseRenewalRequest(_node, held, now + _options.LeaseDuration), CancellationToken.None)
            .ConfigureAwait(false);
        foreach (var id in renewal.Lost)
        {
            // A run that ended while the renewal was in flight is missed by it without having lost anything (under
            // load that happened every few seconds, each logged as a lost lease).
            if (SameRun(findRun(id), held, id) is { } run)
            {
                LogLeaseLost(_logger, id);
                run.Stop(StopReason.LeaseLost);
            }
        }

        foreach (var id in renewal.CancelRequested)
        {
            SameRun(findRun(id), held, id)?.Stop(StopReason.Cancelled);
        }
    }

    /// <summary>
    /// The local run the renewal asked about, or null: a later run of the same entry (retried or run again while the
    /// renewal was in flight) has a new fencing token, and neither a lost lease nor a cancel asked of the earlier run
    /// is its own.
    /// </summary>
    private static RunningJob? SameRun(RunningJob? run, IReadOnlyList<LeaseRef> held, Guid id)
    {
        if (run is null)
        {
            return null;
        }

        foreach (var lease in held)
        {
            if (lease.JobId == id)
            {
                return lease.FencingToken == run.Job.FencingToken ? run : null;
            }
        }

        return null;
    }

    /// <summary>
    /// In Process entries of dead nodes: the lost run counts as a failed attempt and the category is released.
    /// <paramref name="recovered"/> gets each recovered entry (before and after) so the dispatcher can queue it.
    /// An entry for which <paramref name="isHeldHere"/> is true is left alone: this node still holds the run and is
    /// writing its end again after a storage error.
    /// </summary>
    public async Task RecoverExpiredAsync(DateTimeOffset now, Func<Job, bool> isHeldHere, Action<Job, Job?> recovered)
    {
        var expired = await _store.FindExpiredLeasesAsync(now, 100, CancellationToken.None).ConfigureAwait(false);
        foreach (var job in expired)
        {
            if (isHeldHere(job))
            {
                continue;
            }

            var message = $"The node {job.LeaseOwner} stopped renewing its lease (it probably died).";
            var end = new RunEnd(JobResult.Failed, message, null);
            var definition = _catalog.Find(job.ReportId)?.Definition;
            var completion = CompletionPlanner.Plan(
                job, 0, end, job.LastProgress ?? JobProgress.None, definition, now, Random.Shared.NextDouble());
            var result = await _store.CompleteAsync(completion, null, CancellationToken.None).ConfigureAwait(false);
            _hub.Publish(result.Events);
            if (result.Accepted)
            {
                LogLeaseRecovered(_logger, job.Id, job.LeaseOwner ?? string.Empty, result.Job!.Status);
                _metrics.LeaseRecovered(job);
                recovered(job, result.Job);
            }
        }
    }

    [LoggerMessage(EventId = 1107, EventName = "LeaseLost", Level = LogLevel.Warning, Message = "Job {JobId} lost its lease; its handler is cancelled")]
    private static partial void LogLeaseLost(ILogger logger, Guid jobId);

    [LoggerMessage(EventId = 1108, EventName = "LeaseRecovered", Level = LogLevel.Warning, Message = "Recovered job {JobId} from node {Node} whose lease lapsed; now {Status}")]
    private static partial void LogLeaseRecovered(ILogger logger, Guid jobId, string node, JobStatus status);
}
