using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>
/// The server's composition with a fake clock (the composition's TimeProvider is replaced): a retry's rerun delay
/// and a later earliest start are kept to the clock, without waiting for real time.
/// </summary>
public sealed class FakeClockTests
{
    [Fact]
    public async Task EnqueueJob_FailedAttemptWithRerunDelay_RetriesOnlyWhenTheClockReachesIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await InProcessServer.StartAsync((services, _) => services.AddSingleton<TimeProvider>(clock));
        var request = Requests.Diagnostics(steps: 0, failAttempts: 1, failMessage: "try later", maxAttempts: 2);
        request.RerunDelay = Duration.FromTimeSpan(TimeSpan.FromMinutes(10));
        var id = await server.Api.EnqueueBackgroundAsync(request);

        var waiting = await server.Api.WaitForJobAsync(id, j => j.Attempts == 1 && j.Status == JobStatus.Ready, "the failed first attempt");
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(10), waiting.EarliestStart.ToDateTimeOffset());
        Assert.Equal(JobResult.Failed, Assert.Single(await server.Api.LogEntriesAsync(id)).Result);

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(JobStatus.Ready, (await server.Api.GetJobAsync(id)).Status);
        clock.Advance(TimeSpan.FromMinutes(1));

        var done = await server.Api.WaitForStatusAsync(id, JobStatus.Finished);
        Assert.Equal(JobResult.Succeeded, done.LastResult);
        Assert.Equal(2, done.Attempts);
    }
}
