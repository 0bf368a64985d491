using Microsoft.Extensions.Logging;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;

namespace ShopSync.Queue.Scheduling;

/// <summary>Applies a schedule's state to its pending occurrence entries (pause, resume, stop, delete).</summary>
internal sealed partial class OccurrenceEntries(IJobQueue queue, ILogger<OccurrenceEntries> logger)
{
    /// <summary>Sets the Ready and Waiting entries On Hold; a running one finishes its run.</summary>
    public Task HoldAsync(IEnumerable<PendingOccurrence> pending, CancellationToken cancellationToken) =>
        ForEachAsync(pending, JobStatus.Ready, JobStatus.Waiting, (id, ct) => queue.HoldAsync(id, ct), cancellationToken);

    /// <summary>Sets the On Hold entries Ready again.</summary>
    public Task ReleaseAsync(IEnumerable<PendingOccurrence> pending, CancellationToken cancellationToken) =>
        ForEachAsync(pending, JobStatus.OnHold, JobStatus.OnHold, (id, ct) => queue.SetReadyAsync(id, ct), cancellationToken);

    /// <summary>Deletes every entry that is not running; a running one finishes.</summary>
    public async Task DeleteAsync(IEnumerable<PendingOccurrence> pending, CancellationToken cancellationToken)
    {
        foreach (var occurrence in pending)
        {
            try
            {
                var job = await queue.GetAsync(occurrence.JobId, cancellationToken).ConfigureAwait(false);
                if (job.Status != JobStatus.InProcess && job.Status != JobStatus.Finished && job.Status != JobStatus.Error)
                {
                    await queue.DeleteAsync(occurrence.JobId, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is JobNotFoundException or JobStateException)
            {
                // It ended, started or vanished meanwhile: nothing left to delete.
                LogSkipped(logger, occurrence.JobId, e.Message);
            }
        }
    }

    private async Task ForEachAsync(
        IEnumerable<PendingOccurrence> pending,
        JobStatus from1,
        JobStatus from2,
        Func<Guid, CancellationToken, Task<Job>> change,
        CancellationToken cancellationToken)
    {
        foreach (var occurrence in pending)
        {
            try
            {
                var job = await queue.GetAsync(occurrence.JobId, cancellationToken).ConfigureAwait(false);
                if (job.Status == from1 || job.Status == from2)
                {
                    await change(occurrence.JobId, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is JobNotFoundException or JobStateException)
            {
                LogSkipped(logger, occurrence.JobId, e.Message);
            }
        }
    }

    [LoggerMessage(EventId = 4020, EventName = "OccurrenceSkipped", Level = LogLevel.Debug, Message = "Occurrence entry {JobId} left as it is: {Reason}")]
    private static partial void LogSkipped(ILogger logger, Guid jobId, string reason);
}
