using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;

namespace ShopSync.Queue.Scheduling;

internal sealed partial class ScheduleRunner
{
    /// <summary>
    /// Queues all entries in one transaction. When one of them is refused (its occurrence already exists: a restart or
    /// another node was first; or the queue rejects it) nothing was written, and each is queued on its own instead.
    /// </summary>
    private async Task<PendingOccurrence?[]> QueueAllAsync(List<EnqueueRequest> requests, CancellationToken cancellationToken)
    {
        var result = new PendingOccurrence?[requests.Count];
        if (requests.Count == 0)
        {
            return result;
        }
        try
        {
            var jobs = await _queue.EnqueueManyAsync(requests, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < jobs.Count; i++)
            {
                result[i] = new PendingOccurrence(requests[i].ScheduleId!.Value, requests[i].OccurrenceUtc!.Value, jobs[i].Id);
            }
            return result;
        }
        catch (Exception e) when (e is JobOccurrenceExistsException or JobValidationException)
        {
            LogBatchFallback(_logger, requests.Count, e.Message);
        }
        var single = new Task<PendingOccurrence?>[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            single[i] = QueueAsync(requests[i], cancellationToken);
        }
        return await Task.WhenAll(single).ConfigureAwait(false);
    }

    private async Task<PendingOccurrence?> QueueAsync(EnqueueRequest request, CancellationToken cancellationToken)
    {
        var scheduleId = request.ScheduleId!.Value;
        var occurrence = request.OccurrenceUtc!.Value;
        try
        {
            var job = await _queue.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
            return new PendingOccurrence(scheduleId, occurrence, job.Id);
        }
        catch (JobOccurrenceExistsException)
        {
            // A restart or another node queued it first: one entry, one run.
            var existing = await _store.FindOccurrenceJobAsync(scheduleId, occurrence, cancellationToken).ConfigureAwait(false);
            LogAlreadyQueued(_logger, scheduleId, occurrence, existing);
            return existing is { } id ? new PendingOccurrence(scheduleId, occurrence, id) : null;
        }
        catch (JobValidationException e)
        {
            LogRejected(_logger, scheduleId, occurrence, e.Field, e.Message);
            return null;
        }
    }
}
