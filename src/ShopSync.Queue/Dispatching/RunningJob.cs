using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Dispatching;

/// <summary>One run on this node: the claimed entry, its cancellation and its end.</summary>
internal sealed class RunningJob : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<Job?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reason;

    public RunningJob(Job job, long logEntryId, ProgressReporter progress)
    {
        Job = job;
        LogEntryId = logEntryId;
        Progress = progress;
    }

    public Job Job { get; }

    public long LogEntryId { get; }

    public ProgressReporter Progress { get; }

    public CancellationToken StopToken => _stop.Token;

    public StopReason Reason => (StopReason)Volatile.Read(ref _reason);

    /// <summary>Completes with the entry after the run was recorded (null when the completion was rejected).</summary>
    public Task<Job?> Ended => _ended.Task;

    /// <summary>Asks the handler to stop; the first reason wins.</summary>
    public void Stop(StopReason reason)
    {
        if (Interlocked.CompareExchange(ref _reason, (int)reason, 0) == 0)
        {
            _stop.Cancel();
        }
    }

    public void MarkEnded(Job? job) => _ended.TrySetResult(job);

    public void Dispose() => _stop.Dispose();
}
