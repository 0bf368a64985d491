using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Controls;

/// <summary>Enqueue under an idempotency key: the key is stored with the entries, a retry returns them.</summary>
internal sealed partial class JobQueue
{
    private readonly TimeSpan _requestIdRetention;

    public async Task<EnqueueOutcome> EnqueueKeyedAsync(
        IReadOnlyList<EnqueueRequest> requests, bool bulk, string requestId, byte[] requestHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentNullException.ThrowIfNull(requestHash);
        RequestLimits.CheckCount(requests.Count, RequestLimits.JobsPerEnqueue, "jobs");
        var now = _time.GetUtcNow();
        var jobs = new List<NewJob>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                jobs.Add(new NewJob(_validator.Resolve(requests[i], now), requests[i].Foreground));
            }
            catch (JobValidationException ex) when (bulk)
            {
                throw ex.WithFieldPrefix($"jobs[{i}].");
            }
        }

        if (jobs.Count == 0)
        {
            throw new JobValidationException("jobs", "must hold at least one job");
        }

        using var activity = Telemetry.QueueActivities.StartEnqueue(SameCategory(jobs), jobs.Count);
        StampTrace(jobs, Telemetry.QueueActivities.TraceParentOf(activity));
        var key = new EnqueueKey(requestId, requestHash, now + _requestIdRetention);
        var result = await _store.InsertAsync(jobs, key, cancellationToken).ConfigureAwait(false);
        if (result.Inserted is { } inserted)
        {
            _hub.Publish(inserted.Events);
            foreach (var stored in inserted.Value)
            {
                Recorded(stored);
            }

            _dispatcher.Notify(inserted.Value);
        }

        return new EnqueueOutcome(result.JobIds, result.Replayed);
    }
}
