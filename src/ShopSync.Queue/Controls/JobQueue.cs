using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Dispatching;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Controls;

/// <summary>The facade: validation, the store, broadcast of what was written, and dispatcher wake-ups.</summary>
internal sealed partial class JobQueue : IJobQueue
{
    private const int EventPage = 500;
    private readonly IJobStore _store;
    private readonly EnqueueValidator _validator;
    private readonly Dispatcher _dispatcher;
    private readonly JobEventHub _hub;
    private readonly TimeProvider _time;
    private readonly QueueOptions _options;
    private readonly Retention.JobPurger _purger;
    private readonly Telemetry.QueueMetrics _metrics;

    public JobQueue(
        IJobStore store, EnqueueValidator validator, Dispatcher dispatcher, JobEventHub hub, TimeProvider time, IOptions<QueueOptions> options,
        Retention.JobPurger purger, Telemetry.QueueMetrics metrics, IOptions<Retention.RetentionOptions> retention)
    {
        _requestIdRetention = retention.Value.RequestIds;
        _purger = purger;
        _metrics = metrics;
        _store = store;
        _validator = validator;
        _dispatcher = dispatcher;
        _hub = hub;
        _time = time;
        _options = options.Value;
    }

    public async Task<Job> EnqueueAsync(EnqueueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = Telemetry.QueueActivities.StartEnqueue(_validator.CategoryOf(request), 1);
        var job = Traced(activity, () => _validator.Resolve(request, _time.GetUtcNow(), Telemetry.QueueActivities.TraceParentOf(activity)));
        activity?.SetTag("messaging.message.id", job.Id.ToString("D"));
        var result = await _store.InsertAsync([new NewJob(job, request.Foreground)], cancellationToken).ConfigureAwait(false);
        _hub.Publish(result.Events);
        var stored = result.Value[0];
        Recorded(stored);
        _dispatcher.Notify(stored);
        return stored;
    }

    public async Task<IReadOnlyList<Job>> EnqueueManyAsync(IReadOnlyList<EnqueueRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        RequestLimits.CheckCount(requests.Count, RequestLimits.JobsPerEnqueue, "jobs");
        if (requests.Count == 0)
        {
            return [];
        }

        var now = _time.GetUtcNow();
        using var activity = Telemetry.QueueActivities.StartEnqueue(SameCategory(requests), requests.Count);
        var jobs = Traced(activity, () => Resolve(requests, now, Telemetry.QueueActivities.TraceParentOf(activity), prefixFields: true, keepForeground: false));
        var result = await _store.InsertAsync(jobs, cancellationToken).ConfigureAwait(false);
        _hub.Publish(result.Events);
        foreach (var stored in result.Value)
        {
            Recorded(stored);
        }

        _dispatcher.Notify(result.Value);
        return result.Value;
    }

    public async Task<Job> GetAsync(Guid jobId, CancellationToken cancellationToken) =>
        await _store.GetAsync(jobId, cancellationToken).ConfigureAwait(false) ?? throw new JobNotFoundException(jobId);

    public Task<Job> HoldAsync(Guid jobId, CancellationToken cancellationToken) =>
        ApplyAsync(jobId, JobStateMachine.Hold, cancellationToken);

    public Task<Job> SetReadyAsync(Guid jobId, CancellationToken cancellationToken) =>
        ApplyAsync(jobId, JobStateMachine.SetReady, cancellationToken);

    public Task<Job> RestartAsync(Guid jobId, CancellationToken cancellationToken) =>
        ApplyAsync(jobId, JobStateMachine.Restart, cancellationToken);

    public Task<Job> RunNowAsync(Guid jobId, CancellationToken cancellationToken) =>
        ApplyAsync(jobId, JobStateMachine.RunNow, cancellationToken);

    public Task<Job> SetParametersAsync(
        Guid jobId,
        IReadOnlyList<RequestPageFilter> filters,
        IReadOnlyList<RequestPageOption> options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filters);
        ArgumentNullException.ThrowIfNull(options);
        return ApplyAsync(
            jobId,
            (job, now) =>
            {
                _validator.ValidateParameters(job.ReportId, filters, options);
                return JobStateMachine.SetParameters(job, now, filters, options);
            },
            cancellationToken);
    }

    public async Task<CancelResult> CancelAsync(Guid jobId, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            wait = _options.DefaultCancelWait;
        }

        var job = await ApplyAsync(jobId, JobStateMachine.Cancel, cancellationToken, onRunning: RequestCancelAsync).ConfigureAwait(false);
        if (job.Status != JobStatus.InProcess)
        {
            return new CancelResult(job, true);
        }

        return await CancelWaiter.WaitAsync(_store, _dispatcher, _hub, _time, job, wait, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(Guid jobId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var job = await GetAsync(jobId, cancellationToken).ConfigureAwait(false);
            JobStateMachine.EnsureDeletable(job);
            if (await _store.DeleteAsync(jobId, job.Status, cancellationToken).ConfigureAwait(false))
            {
                _hub.CloseJob(jobId);
                return;
            }

            if (attempt >= 5)
            {
                throw new JobStateException(jobId, job.Status, "The entry keeps changing; try again.");
            }
        }
    }

    public async IAsyncEnumerable<QueueEvent> WatchAllAsync(QueueWatchFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var buffer = _hub.SubscribeAll(filter ?? QueueWatchFilter.All, _options.WatcherBufferSize);
        while (true)
        {
            var batch = await buffer.ReadBatchAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                yield break;
            }

            foreach (var item in batch)
            {
                yield return item;
            }
        }
    }

    private async Task<Job?> RequestCancelAsync(Job job, CancellationToken cancellationToken)
    {
        var change = new JobChange { JobId = job.Id, ExpectedStatus = JobStatus.InProcess, Now = _time.GetUtcNow(), CancelRequested = true };
        var result = await _store.ChangeAsync(change, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return null;
        }

        _dispatcher.StopCancelled(job.Id);
        return result.Value;
    }

    /// <summary>Reads, decides, applies conditionally; retries when the entry changed in between.</summary>
    private async Task<Job> ApplyAsync(
        Guid jobId,
        Func<Job, DateTimeOffset, JobChange?> decide,
        CancellationToken cancellationToken,
        Func<Job, CancellationToken, Task<Job?>>? onRunning = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var job = await GetAsync(jobId, cancellationToken).ConfigureAwait(false);
            if (onRunning is not null && job.Status == JobStatus.InProcess)
            {
                var running = await onRunning(job, cancellationToken).ConfigureAwait(false);
                if (running is not null)
                {
                    return running;
                }
            }
            else
            {
                var change = decide(job, _time.GetUtcNow());
                if (change is null)
                {
                    return job;
                }

                var result = await _store.ChangeAsync(change, cancellationToken).ConfigureAwait(false);
                if (result is not null)
                {
                    _hub.Publish(result.Events);
                    _dispatcher.Notify(result.Value);
                    return result.Value;
                }
            }

            if (attempt >= 5)
            {
                throw new JobStateException(jobId, job.Status, "The entry keeps changing; try again.");
            }
        }
    }
}
