using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Diagnostics;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Health;
using ShopSync.Queue.Retention;
using ShopSync.Queue.Tests.Support;
using ShopSync.Testing;

namespace ShopSync.Queue.Tests.Retention;

public sealed class RetentionSweeperTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Sweep_OnFakeClock_RemovesOnlyWhatAgedOut()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var retained = new FixedRetained();
        await using var host = await EngineHost.StartAsync(s => s.AddSingleton<IRetainedEntries>(retained), time: time);
        var queue = host.Queue;

        var old = await RunAsync(queue, fail: false);
        var error = await RunAsync(queue, fail: true);
        var scheduled = await RunAsync(queue, fail: false);
        retained.Ids.Add(scheduled.Id);
        var held = await queue.EnqueueAsync(new EnqueueRequest { ReportId = NoOpReportHandler.ReportId, OnHold = true }, Ct);
        time.Advance(TimeSpan.FromDays(8));
        var young = await RunAsync(queue, fail: false);

        var sweeper = host.Services.GetRequiredService<RetentionSweeper>();
        var first = await sweeper.SweepAsync(Ct);

        Assert.Equal((1L, 0L, true), (first.Entries, first.LogEntries, first.Complete));
        await Assert.ThrowsAsync<JobNotFoundException>(() => queue.GetAsync(old.Id, Ct));
        foreach (var stays in new[] { error, scheduled, held, young })
        {
            Assert.Equal(stays.Id, (await queue.GetAsync(stays.Id, Ct)).Id);
        }

        // 31 days on: the log of the first runs ages out, but what task health reads of it stays.
        var healthBefore = await HealthAsync(host);
        time.Advance(TimeSpan.FromDays(31));
        var second = await sweeper.SweepAsync(Ct);
        var healthAfter = await HealthAsync(host);

        Assert.Equal(2L, second.LogEntries);
        Assert.Equal(healthBefore.LastSuccess, healthAfter.LastSuccess);
        Assert.Equal(healthBefore.LastFailure, healthAfter.LastFailure);
        Assert.Equal("boom", healthAfter.LastFailureMessage);
        Assert.Equal(healthBefore.ConsecutiveFailures, healthAfter.ConsecutiveFailures);
        Assert.Equal(healthBefore.FailingNow, healthAfter.FailingNow);
        Assert.Equal(JobStatus.Error, (await queue.GetAsync(error.Id, Ct)).Status);
    }

    [Fact]
    public async Task Sweep_RequestIdPastItsRetention_RemovedAndTheIdQueuesAnew()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var host = await EngineHost.StartAsync(time: time);
        var sweeper = host.Services.GetRequiredService<RetentionSweeper>();
        EnqueueRequest[] request = [new EnqueueRequest { ReportId = NoOpReportHandler.ReportId, OnHold = true }];
        const string id = "7d1c0a4e-8b5d-4c1e-9a57-2f6d8e0b7c41";
        byte[] hash = [42];

        var first = await host.Queue.EnqueueKeyedAsync(request, bulk: false, id, hash, Ct);
        time.Advance(TimeSpan.FromHours(23));
        var withinWindow = await sweeper.SweepAsync(Ct);
        var retry = await host.Queue.EnqueueKeyedAsync(request, bulk: false, id, hash, Ct);
        time.Advance(TimeSpan.FromHours(2));
        var pastWindow = await sweeper.SweepAsync(Ct);
        var anew = await host.Queue.EnqueueKeyedAsync(request, bulk: false, id, hash, Ct);

        Assert.Equal(0L, withinWindow.RequestIds);
        Assert.True(retry.Replayed);
        Assert.Equal(first.JobIds, retry.JobIds);
        Assert.Equal(1L, pastWindow.RequestIds);
        Assert.False(anew.Replayed);
        Assert.NotEqual(first.JobIds, anew.JobIds);
        Assert.Equal(2, (await host.Queue.ListAsync(new JobQuery(), Ct)).Jobs.Count);
    }

    [Fact]
    public async Task PurgeJobs_ByHandWithDryRunAndErrorStatus_CountsThenDeletes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var host = await EngineHost.StartAsync(time: time);
        var error = await RunAsync(host.Queue, fail: true);
        await RunAsync(host.Queue, fail: false);
        time.Advance(TimeSpan.FromDays(31));
        var request = new JobPurgeRequest { OlderThan = TimeSpan.FromDays(30), Statuses = [JobStatus.Error], DryRun = true };

        var dry = await host.Queue.PurgeJobsAsync(request, Ct);
        var real = await host.Queue.PurgeJobsAsync(request with { DryRun = false }, Ct);

        Assert.Equal((1L, true), (dry.Count, dry.DryRun));
        Assert.Equal((1L, false, true), (real.Count, real.DryRun, real.Complete));
        await Assert.ThrowsAsync<JobNotFoundException>(() => host.Queue.GetAsync(error.Id, Ct));
        Assert.Single((await host.Queue.ListAsync(new JobQuery(), Ct)).Jobs);
    }

    [Theory]
    [InlineData(0, JobStatus.Finished, "older_than")]
    [InlineData(30, JobStatus.Ready, "statuses")]
    [InlineData(30, JobStatus.OnHold, "statuses")]
    public async Task PurgeJobs_BadRequest_NamesTheField(int days, JobStatus status, string field)
    {
        await using var host = await EngineHost.StartAsync();
        var error = await Assert.ThrowsAsync<JobValidationException>(() => host.Queue.PurgeJobsAsync(
            new JobPurgeRequest { OlderThan = TimeSpan.FromDays(days), Statuses = [status] }, Ct));
        Assert.Equal(field, error.Field);
    }

    private static async Task<TaskHealthRecord> HealthAsync(EngineHost host)
    {
        var shops = await host.Services.GetRequiredService<ITaskHealthReader>().ReadAsync([string.Empty], null, Ct);
        return Assert.Single(shops[0].Tasks, t => t.ReportId == DiagnosticsReportHandler.ReportId);
    }

    private static async Task<Job> RunAsync(IJobQueue queue, bool fail)
    {
        var job = await queue.EnqueueAsync(new EnqueueRequest
        {
            ReportId = DiagnosticsReportHandler.ReportId,
            MaxAttempts = 1,
            Options = fail ? [new("steps", "0"), new("fail_attempts", "1"), new("fail_message", "boom")] : [new("steps", "0")],
        }, Ct);
        return await Eventually.ReachAsync(() => queue.GetAsync(job.Id, Ct), j => j.Status is JobStatus.Finished or JobStatus.Error);
    }

    private sealed class FixedRetained : IRetainedEntries
    {
        public HashSet<Guid> Ids { get; } = [];

        public Task<IReadOnlyCollection<Guid>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyCollection<Guid>>(Ids.ToList());
    }
}
