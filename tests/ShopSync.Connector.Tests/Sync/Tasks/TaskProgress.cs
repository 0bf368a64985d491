using ShopSync.Queue.Entries;
using ShopSync.Queue.Handlers;

namespace ShopSync.Connector.Tests.Sync.Tasks;

/// <summary>The progress channel of a run outside the dispatcher: counters, the last report and the saved checkpoint.</summary>
internal sealed class TaskProgress : IJobProgress
{
    private long _pages;
    private long _done;
    private long _failed;
    private long _skipped;

    public JobCounters Counters => new(_pages, _done, _failed, _skipped);

    /// <summary>Called after every <see cref="Add"/> with the records done so far (e.g. to stop a run part-way).</summary>
    public Action<long>? OnDone { get; init; }

    public string? Checkpoint { get; private set; }

    public string? LastMessage { get; private set; }

    public void Add(long pages = 0, long done = 0, long failed = 0, long skipped = 0)
    {
        _pages += pages;
        _done += done;
        _failed += failed;
        _skipped += skipped;
        if (done > 0)
        {
            OnDone?.Invoke(_done);
        }
    }

    public void Report(int percent, string? message = null) => LastMessage = message ?? LastMessage;

    public Task SaveCheckpointAsync(string checkpoint, CancellationToken cancellationToken)
    {
        Checkpoint = checkpoint;
        return Task.CompletedTask;
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
