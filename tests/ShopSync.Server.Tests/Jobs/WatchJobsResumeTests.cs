using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>WatchJobs resumed by position on one node (SQLite: the log of this process's events, kept in memory).</summary>
public sealed class WatchJobsResumeTests
{
    [Fact]
    public async Task WatchJobs_ResumedAfterAPosition_SendsExactlyTheLaterEvents()
    {
        await using var server = await InProcessServer.StartAsync();
        using var call = server.Api.WatchJobs(new WatchJobsRequest { CategoryCode = "RESUME" });
        await call.ResponseHeadersAsync;
        var first = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 3, stepMs: 5, category: "RESUME"));
        var second = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 3, stepMs: 5, category: "RESUME"));
        var all = await QueueWideReader.UntilCompletedAsync(call, [first, second]);
        var cut = all.FindIndex(r => r.Event.JobId == first && r.Event.Completed is not null);

        using var resumed = server.Api.WatchJobs(new WatchJobsRequest { CategoryCode = "RESUME", AfterPosition = all[cut].Position });
        var rest = await QueueWideReader.UntilCompletedAsync(resumed, [second]);

        Assert.Equal(all.Skip(cut + 1).Select(r => r.Position), rest.Select(r => r.Position));
        Assert.Equal((await server.Api.WatchToEndAsync(second)).Select(e => e.Sequence), QueueWideReader.Sequences(all, second));
    }

    [Theory]
    [InlineData("not-a-position")]
    [InlineData("0123456789ab:1")]
    public async Task WatchJobs_PositionNotFromThisServerRun_IsInvalidArgumentNamingTheField(string position)
    {
        await using var server = await InProcessServer.StartAsync();
        using var call = server.Api.WatchJobs(new WatchJobsRequest { AfterPosition = position });

        var error = await Assert.ThrowsAsync<RpcException>(async () => await QueueWideReader.UntilCompletedAsync(call, ["x"]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("after_position:", error.Status.Detail, StringComparison.Ordinal);
    }
}
