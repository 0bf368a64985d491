using ShopSync.Queue.Controls;
using ShopSync.Queue.Dispatching;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Controls;

/// <summary>
/// Waits for a cancelled running entry to reach its final state: a local run signals its end; for a run on another
/// node, its events (which a change feed brings in) wake the check, and the store is polled in case they do not come.
/// </summary>
internal static class CancelWaiter
{
    private static readonly TimeSpan RemotePollInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<CancelResult> WaitAsync(
        IJobStore store,
        Dispatcher dispatcher,
        Events.JobEventHub hub,
        TimeProvider time,
        Job job,
        TimeSpan wait,
        CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(wait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        using var events = hub.SubscribeJob(job.Id, 16);
        try
        {
            while (true)
            {
                if (dispatcher.FindRun(job.Id) is { } run)
                {
                    await run.Ended.WaitAsync(linked.Token).ConfigureAwait(false);
                }

                var current = await store.GetAsync(job.Id, cancellationToken).ConfigureAwait(false);
                if (current is null || current.Status != JobStatus.InProcess || current.FencingToken != job.FencingToken)
                {
                    return new CancelResult(current ?? job, true);
                }

                using var pollTimer = new CancellationTokenSource(RemotePollInterval, time);
                using var poll = CancellationTokenSource.CreateLinkedTokenSource(linked.Token, pollTimer.Token);
                try
                {
                    _ = await events.ReadBatchAsync(poll.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (poll.IsCancellationRequested && !linked.IsCancellationRequested)
                {
                    // No event within the poll interval: look at the store anyway.
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var current = await store.GetAsync(job.Id, cancellationToken).ConfigureAwait(false) ?? job;
            return new CancelResult(current, current.Status != JobStatus.InProcess);
        }
    }
}
