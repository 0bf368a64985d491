using Microsoft.Extensions.Logging;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Dispatching;

/// <summary>
/// A run's end that could not be written because the database was unavailable (locked, disk full, I/O error) is
/// kept and written again while this node lives. The run stays in the running set meanwhile, so its lease keeps
/// being renewed and lease recovery leaves it alone: a run that succeeded is not executed again because of a
/// transient storage error, and its category is released as soon as the end is written.
/// </summary>
internal sealed partial class Dispatcher
{
    private static readonly TimeSpan FirstEndRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastEndRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>Writes the completion (with the slot hand-over), retrying on transient storage errors.</summary>
    private async Task<(CompletionResult Result, ClaimRequest? ClaimNext, bool OwnIncluded)> RecordEndAsync(RunningJob run, RunCompletion completion)
    {
        var delay = FirstEndRetryDelay;
        while (true)
        {
            var now = _time.GetUtcNow();
            var (claimNext, ownIncluded) = PlanHandOver(run.Job, now);
            try
            {
                var result = await _store.CompleteAsync(completion, claimNext, CancellationToken.None).ConfigureAwait(false);
                return (result, claimNext, ownIncluded);
            }
            catch (StorageUnavailableException ex) when (ex.IsTransient)
            {
                LogEndRetrying(_logger, run.Job.Id, ex.Reason, delay, ex.Message);
                KeepRunning(run, claimNext, ownIncluded, now);
            }
            catch (Exception ex)
            {
                LogCompleteFailed(_logger, ex, run.Job.Id);
                return (new CompletionResult(false, null, [], null), claimNext, ownIncluded);
            }

            await Task.Delay(delay, _time, CancellationToken.None).ConfigureAwait(false);
            delay = delay * 2 < LastEndRetryDelay ? delay * 2 : LastEndRetryDelay;
        }
    }

    /// <summary>Puts the run back among the running ones and releases the claims its hand-over had planned.</summary>
    private void KeepRunning(RunningJob run, ClaimRequest? asked, bool ownIncluded, DateTimeOffset now)
    {
        lock (_gate)
        {
            _running[run.Job.Id] = run;
            if (asked is null)
            {
                return;
            }

            foreach (var category in asked.Categories)
            {
                _claimsInFlight--;
                if (ownIncluded && string.Equals(category, run.Job.CategoryCode, StringComparison.Ordinal))
                {
                    // Its category stays busy: the run still holds it until its end is written.
                    continue;
                }

                _categories[category].Busy = false;
                SetNextDue(category, now + FirstEndRetryDelay);
            }
        }
    }

    /// <summary>True for an expired lease of a run this node still holds (its end is being written again).</summary>
    private bool IsHeldHere(Entries.Job job) =>
        string.Equals(job.LeaseOwner, _node, StringComparison.Ordinal) && FindRun(job.Id) is not null;

    [LoggerMessage(EventId = 1111, EventName = "RunEndRetrying", Level = LogLevel.Warning,
        Message = "Recording the end of job {JobId} failed ({Reason}); the run keeps its lease and the end is written again in {Delay}: {Error}")]
    private static partial void LogEndRetrying(ILogger logger, Guid jobId, StorageFailureReason reason, TimeSpan delay, string error);
}
