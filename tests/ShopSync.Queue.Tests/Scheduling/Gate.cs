using ShopSync.Queue.Handlers;
using ShopSync.Queue.Tests.Support;

namespace ShopSync.Queue.Tests.Scheduling;

/// <summary>A handler that runs until opened.</summary>
internal sealed class Gate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public void Open() => _open.TrySetResult();

    public DelegateHandler Handler(int reportId) => new(reportId, async (_, ct) =>
    {
        Interlocked.Increment(ref _runs);
        await _open.Task.WaitAsync(ct);
        return ReportOutcome.Success();
    });
}
