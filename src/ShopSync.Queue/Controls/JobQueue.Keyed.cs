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
        if (requests.Count == 0)
        {
            throw new JobValidationException("jobs", "must hold at least one job");
        }

        var now = _time.GetUtcNow();
        using var activity = Telemetry.QueueActivities.StartEnqueue(SameCategory(requests), requests.Count);
        var jobs = Traced(activity, () => Resolve(requests, now, Telemetry.QueueActivities.TraceParentOf(activity), prefixFields: bulk, keepForeground: true));
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
