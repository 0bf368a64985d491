using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Sync;
using ShopSync.Testing;
using ShopSync.Testing.Grpc;

namespace ShopSync.Server.Tests.Status;

/// <summary>Task health and the live status stream, with the diagnostics task.</summary>
public sealed class SyncStatusWatchTests
{
    private const int Diagnostics = 90001;

    [Fact]
    public async Task WatchSyncStatus_TaskFailsThenSucceeds_StreamsFailingNowThenRecovery()
    {
        await using var server = await SyncTestServer.StartAsync(extraArgs: ["--Queue:EnableDiagnosticsTasks=true"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var call = server.Channel.Watch(new WatchSyncStatusRequest { ShopCode = SyncTestServer.ShopCode }, timeout.Token);
        await using var stream = call.GetAsyncEnumerator(timeout.Token);
        Assert.True(await stream.MoveNextAsync());
        var initial = Assert.Single(stream.Current.Status.Shops);
        Assert.Equal(0, initial.Cue(Cue.SynchronizationErrors).Count);

        var failed = await server.RunAsync(Diagnostics, options: new Dictionary<string, string>
        {
            ["steps"] = "2", ["step_ms"] = "10", ["fail_attempts"] = "1", ["fail_message"] = "ERP offline",
        });
        Assert.Equal(JobResult.Failed, failed.Result);
        var failing = await NextUntilAsync(stream, s => s.Tasks.Any(t => t.ReportId == Diagnostics && t.FailingNow));

        var succeeded = await server.RunAsync(Diagnostics, options: new Dictionary<string, string> { ["steps"] = "1", ["step_ms"] = "10" });
        Assert.Equal(JobResult.Succeeded, succeeded.Result);
        var recovered = await NextUntilAsync(stream, s => s.Tasks.Any(t => t.ReportId == Diagnostics && !t.FailingNow && t.LastSuccess != null));

        var failingTask = failing.Tasks.Single(t => t.ReportId == Diagnostics);
        Assert.Equal(1, failingTask.ConsecutiveFailures);
        Assert.Contains("ERP offline", failingTask.LastFailureMessage, StringComparison.Ordinal);
        Assert.Equal(1, failing.Cue(Cue.SynchronizationErrors).Count);
        Assert.Equal(CueLevel.Warning, failing.Cue(Cue.SynchronizationErrors).Level);
        var recoveredTask = recovered.Tasks.Single(t => t.ReportId == Diagnostics);
        Assert.Equal(0, recoveredTask.ConsecutiveFailures);
        Assert.NotNull(recoveredTask.LastFailure);
        Assert.Equal(1, recovered.Cue(Cue.SynchronizationErrors).Count);
        var window = Assert.Single((await server.Channel.GetStatusAsync(SyncTestServer.ShopCode, withinHours: 1)).Shops);
        Assert.Equal(1, window.Cue(Cue.SynchronizationErrors).Count);
    }

    [Fact]
    public async Task GetSyncStatus_ConsecutiveFailures_CountsFailuresSinceTheLastSuccess()
    {
        await using var server = await SyncTestServer.StartAsync(extraArgs: ["--Queue:EnableDiagnosticsTasks=true"]);
        var fail = new Dictionary<string, string> { ["steps"] = "1", ["step_ms"] = "1", ["fail_attempts"] = "1", ["fail_message"] = "boom" };
        await server.RunAsync(Diagnostics, options: fail);
        await server.RunAsync(Diagnostics, options: new Dictionary<string, string> { ["steps"] = "1", ["step_ms"] = "1" });
        await server.RunAsync(Diagnostics, options: fail);
        await server.RunAsync(Diagnostics, options: fail);

        var shop = Assert.Single((await server.Channel.GetStatusAsync()).Shops);
        var task = shop.Tasks.Single(t => t.ReportId == Diagnostics);
        var errors = await server.Channel.AllRecordsAsync("", Cue.SynchronizationErrors, pageSize: 2);

        Assert.Equal(2, task.ConsecutiveFailures);
        Assert.True(task.FailingNow);
        Assert.False(task.RunningNow);
        Assert.True(task.LastFailure.ToDateTimeOffset() > task.LastSuccess.ToDateTimeOffset());
        Assert.Equal(3, shop.Cue(Cue.SynchronizationErrors).Count);
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal("boom", e.Reason));
    }

    [Fact]
    public async Task GetSyncStatus_TaskRunning_ShowsRunningNowWithProgress()
    {
        await using var server = await SyncTestServer.StartAsync(extraArgs: ["--Queue:EnableDiagnosticsTasks=true"]);
        var run = server.RunAsync(Diagnostics, options: new Dictionary<string, string> { ["steps"] = "400", ["step_ms"] = "50" });

        var task = await Eventually.ReturnsAsync(
            async () => Assert.Single((await server.Channel.GetStatusAsync(SyncTestServer.ShopCode)).Shops).Tasks
                .SingleOrDefault(t => t.ReportId == Diagnostics && t.RunningNow && t.Progress?.Counters?.Done > 0),
            t => t is not null, "task 90001 running with progress", TimeSpan.FromMinutes(1));
        var jobs = await server.Channel.UnaryAsync<ListJobsRequest, ListJobsResponse>(
            JobQueueReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("JobQueueService").FindMethodByName("ListJobs"),
            new ListJobsRequest { ShopCode = SyncTestServer.ShopCode }, new TestCallOptions { Timeout = TimeSpan.FromSeconds(30) });
        await server.Channel.UnaryAsync<CancelJobRequest, CancelJobResponse>(
            JobQueueReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("JobQueueService").FindMethodByName("CancelJob"),
            new CancelJobRequest { JobId = Assert.Single(jobs.Jobs).Id }, new TestCallOptions { Timeout = TimeSpan.FromSeconds(60) });
        await run;

        Assert.False(task!.FailingNow);
        Assert.Contains("Step", task.Progress.Message, StringComparison.Ordinal);
        var after = Assert.Single((await server.Channel.GetStatusAsync(SyncTestServer.ShopCode)).Shops).Tasks.Single(t => t.ReportId == Diagnostics);
        Assert.False(after.RunningNow);
        Assert.Null(after.Progress);
    }

    private static async Task<ShopSyncStatus> NextUntilAsync(IAsyncEnumerator<WatchSyncStatusResponse> stream, Func<ShopSyncStatus, bool> condition)
    {
        while (await stream.MoveNextAsync())
        {
            var shop = Assert.Single(stream.Current.Status.Shops);
            if (condition(shop))
            {
                return shop;
            }
        }
        throw new InvalidOperationException("the watch ended before the expected status arrived");
    }
}
