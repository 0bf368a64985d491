using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>One entry at a time per job queue category; categories run side by side.</summary>
public sealed class CategoryTests
{
    [Fact]
    public async Task EnqueueJob_TwoForegroundEntriesInOneCategory_NeverOverlap()
    {
        await using var server = await InProcessServer.StartAsync();

        var runs = await Task.WhenAll(
            server.Api.EnqueueAsync(Requests.Diagnostics(RunMode.Foreground, steps: 5, stepMs: 20, category: "SERIAL")),
            server.Api.EnqueueAsync(Requests.Diagnostics(RunMode.Foreground, steps: 5, stepMs: 20, category: "SERIAL")));

        Assert.All(runs, events => Assert.Equal(JobResult.Succeeded, events[^1].Completed.Result));
        var first = Assert.Single(await server.Api.LogEntriesAsync(runs[0][0].JobId));
        var second = Assert.Single(await server.Api.LogEntriesAsync(runs[1][0].JobId));
        var (earlier, later) = first.StartTime.ToDateTimeOffset() <= second.StartTime.ToDateTimeOffset() ? (first, second) : (second, first);
        Assert.True(
            earlier.EndTime.ToDateTimeOffset() <= later.StartTime.ToDateTimeOffset(),
            $"runs overlap: {earlier.StartTime}..{earlier.EndTime} and {later.StartTime}..{later.EndTime}");
    }

    [Fact]
    public async Task EnqueueJob_SecondEntryOfABusyCategory_WaitsUntilTheFirstEnds()
    {
        await using var server = await InProcessServer.StartAsync();
        var first = await server.Api.EnqueueBackgroundAsync(Requests.Gated("BUSY"));
        await server.Gate.WaitStartedAsync(first);

        var second = await server.Api.EnqueueBackgroundAsync(Requests.Gated("BUSY"));
        await server.Api.WaitForStatusAsync(second, JobStatus.Waiting);
        Assert.False(server.Gate.Run(second).Started.Task.IsCompleted);

        server.Gate.Release(first);
        await server.Gate.WaitStartedAsync(second);
        server.Gate.Release(second);
        await server.Api.WaitForStatusAsync(second, JobStatus.Finished);
        Assert.Equal(1, server.Gate.MaxConcurrentRuns);
    }

    [Fact]
    public async Task EnqueueJob_EntriesOfDifferentCategories_RunConcurrently()
    {
        await using var server = await InProcessServer.StartAsync();

        var a = await server.Api.EnqueueBackgroundAsync(Requests.Gated("CAT-A"));
        var b = await server.Api.EnqueueBackgroundAsync(Requests.Gated("CAT-B"));

        // Neither is released before both have started: only concurrent runs get here.
        await Task.WhenAll(server.Gate.WaitStartedAsync(a), server.Gate.WaitStartedAsync(b));
        Assert.Equal(JobStatus.InProcess, (await server.Api.GetJobAsync(a)).Status);
        Assert.Equal(JobStatus.InProcess, (await server.Api.GetJobAsync(b)).Status);
        server.Gate.Release(a);
        server.Gate.Release(b);
        await server.Api.WaitForStatusAsync(a, JobStatus.Finished);
        await server.Api.WaitForStatusAsync(b, JobStatus.Finished);
    }
}
