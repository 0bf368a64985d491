using ShopSync.Queue.Entries;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Dispatching;

/// <summary>A run's <see cref="IJobProgress"/>: counters in memory, reports through the flusher, checkpoints fenced.</summary>
internal sealed class ProgressReporter : IJobProgress
{
    private readonly Guid _jobId;
    private readonly long _fencingToken;
    private readonly ProgressFlusher _flusher;
    private readonly IJobStore _store;
    private readonly TimeProvider _time;
    private long _pages;
    private long _done;
    private long _failed;
    private long _skipped;
    private volatile JobProgress? _last;

    public ProgressReporter(Guid jobId, long fencingToken, ProgressFlusher flusher, IJobStore store, TimeProvider time)
    {
        _jobId = jobId;
        _fencingToken = fencingToken;
        _flusher = flusher;
        _store = store;
        _time = time;
    }

    public JobCounters Counters => new(
        Interlocked.Read(ref _pages), Interlocked.Read(ref _done), Interlocked.Read(ref _failed), Interlocked.Read(ref _skipped));

    /// <summary>The newest progress: the last report with the current counters.</summary>
    public JobProgress Current => (_last ?? JobProgress.None) with { Counters = Counters };

    public void Add(long pages = 0, long done = 0, long failed = 0, long skipped = 0)
    {
        Interlocked.Add(ref _pages, pages);
        Interlocked.Add(ref _done, done);
        Interlocked.Add(ref _failed, failed);
        Interlocked.Add(ref _skipped, skipped);
    }

    public void Report(int percent, string? message = null)
    {
        var progress = new JobProgress(Math.Clamp(percent, -1, 100), message ?? string.Empty, Counters);
        _last = progress;
        _flusher.Enqueue(new ProgressWrite(_jobId, _fencingToken, progress, _time.GetUtcNow()));
    }

    public async Task SaveCheckpointAsync(string checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!await _store.SaveCheckpointAsync(_jobId, _fencingToken, checkpoint, cancellationToken).ConfigureAwait(false))
        {
            throw new OperationCanceledException("The run lost its lease; the checkpoint was not saved.");
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken) => _flusher.FlushAsync(cancellationToken);
}
