using System.Collections.Concurrent;
using ShopSync.Queue.Handlers;

namespace ShopSync.Server.Tests.Infrastructure;

/// <summary>
/// Lets a test hold the runs of <see cref="GatedReportHandler"/> in process: each run signals that it has
/// started and waits until the test releases it (or the run is cancelled). With <see cref="HoldRuns"/> false,
/// runs succeed at once.
/// </summary>
internal sealed class RunGate
{
    private readonly ConcurrentDictionary<(Guid JobId, int Attempt), GatedRun> _runs = new();
    private int _running;
    private int _maxRunning;

    public bool HoldRuns { get; set; } = true;

    /// <summary>The most runs of gated handlers that were in progress at once.</summary>
    public int MaxConcurrentRuns => Volatile.Read(ref _maxRunning);

    public GatedRun Run(Guid jobId, int attempt = 1) => _runs.GetOrAdd((jobId, attempt), _ => new GatedRun());

    public GatedRun Run(string jobId, int attempt = 1) => Run(Guid.Parse(jobId), attempt);

    /// <summary>Waits until attempt <paramref name="attempt"/> of the entry has started.</summary>
    public Task WaitStartedAsync(string jobId, int attempt = 1) =>
        Run(jobId, attempt).Started.Task.WaitAsync(TestTimeouts.Signal);

    public void Release(string jobId, int attempt = 1, ReportOutcome? outcome = null) =>
        Run(jobId, attempt).Release.TrySetResult(outcome ?? ReportOutcome.Success());

    /// <summary>Releases every run, started or not (test teardown and "let everything finish").</summary>
    public void ReleaseAll()
    {
        HoldRuns = false;
        foreach (var run in _runs.Values)
        {
            run.Release.TrySetResult(ReportOutcome.Success());
        }
    }

    internal async Task<ReportOutcome> EnterAsync(Guid jobId, int attempt, CancellationToken cancellationToken)
    {
        var run = Run(jobId, attempt);
        var now = Interlocked.Increment(ref _running);
        UpdateMax(now);
        try
        {
            run.Started.TrySetResult();
            if (!HoldRuns)
            {
                return ReportOutcome.Success();
            }
            try
            {
                return await run.Release.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                run.Cancelled.TrySetResult();
                throw;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private void UpdateMax(int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, value, seen) != seen)
        {
        }
    }
}
