using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Diagnostics;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Retention;
using ShopSync.Queue.Storage;
using ShopSync.Queue.Tests.Support;
using ShopSync.Testing;

namespace ShopSync.Queue.Tests.Retention;

/// <summary>Two nodes on one database file: the lease row lets one of them sweep at a time.</summary>
public sealed class SweepLeaseTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Sweep_TwoNodesOnOneDatabase_OnlyOneSweepsAtATime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var gate = new GatedRetained();
        await using var a = await EngineHost.StartAsync(s => s.AddSingleton<IRetainedEntries>(gate), time: time);
        await using var b = await EngineHost.StartAsync(time: time, databaseFile: a.DatabaseFile);
        var old = await RunAsync(a.Queue);
        time.Advance(TimeSpan.FromDays(8));

        // Node A takes the lease, then waits inside its sweep (it asks what to keep before deleting).
        var sweepA = a.Services.GetRequiredService<RetentionSweeper>().SweepAsync(Ct);
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var whileA = await b.Services.GetRequiredService<RetentionSweeper>().SweepAsync(Ct);
        var stillThere = await b.Queue.GetAsync(old.Id, Ct);
        gate.Open();
        var byA = await sweepA;
        var afterA = await b.Services.GetRequiredService<RetentionSweeper>().SweepAsync(Ct);

        Assert.True(whileA.Skipped);
        Assert.Equal(0, whileA.Entries);
        Assert.Equal(old.Id, stillThere.Id);
        Assert.False(byA.Skipped);
        Assert.Equal(1, byA.Entries);
        Assert.False(afterA.Skipped);
        await Assert.ThrowsAsync<JobNotFoundException>(() => b.Queue.GetAsync(old.Id, Ct));
    }

    [Fact]
    public async Task Sweep_HolderDiedMidSweep_AnotherNodeSweepsOnceTheLeaseExpires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var host = await EngineHost.StartAsync(time: time, configureServices: s =>
            s.Configure<RetentionOptions>(o => o.MaxSweepDuration = TimeSpan.FromSeconds(30)));
        var old = await RunAsync(host.Queue);
        time.Advance(TimeSpan.FromDays(8));
        var now = time.GetUtcNow();
        Assert.True(await host.Services.GetRequiredService<ISweepLeases>().TryAcquireAsync(
            RetentionSweeper.LeaseName, "a-node-that-died", now, now.AddMinutes(2), Ct));
        var sweeper = host.Services.GetRequiredService<RetentionSweeper>();

        var whileHeld = await sweeper.SweepAsync(Ct);
        time.Advance(TimeSpan.FromMinutes(2));
        var afterExpiry = await sweeper.SweepAsync(Ct);

        Assert.True(whileHeld.Skipped);
        Assert.False(afterExpiry.Skipped);
        Assert.Equal(1, afterExpiry.Entries);
        await Assert.ThrowsAsync<JobNotFoundException>(() => host.Queue.GetAsync(old.Id, Ct));
    }

    private static async Task<Job> RunAsync(IJobQueue queue)
    {
        var job = await queue.EnqueueAsync(new EnqueueRequest
        {
            ReportId = DiagnosticsReportHandler.ReportId,
            MaxAttempts = 1,
            Options = [new("steps", "0")],
        }, Ct);
        return await Eventually.ReachAsync(() => queue.GetAsync(job.Id, Ct), j => j.Status is JobStatus.Finished);
    }

    /// <summary>Keeps nothing, but holds the sweep that asks until <see cref="Open"/>.</summary>
    private sealed class GatedRetained : IRetainedEntries
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public void Open() => _open.TrySetResult();

        public async Task<IReadOnlyCollection<Guid>> ListAsync(CancellationToken cancellationToken)
        {
            _entered.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
            return [];
        }
    }
}
