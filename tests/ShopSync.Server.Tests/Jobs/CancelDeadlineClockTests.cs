using Google.Protobuf.WellKnownTypes;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>
/// A caller's grpc-timeout is a real-time budget: CancelJob measures what is left of it on the real clock, never on
/// the application's clock, which <c>--Clock:Speed</c> may run ahead (the demo and the end-to-end tests do). Measured
/// on an application clock an hour ahead, the deadline would look long gone and CancelJob would not wait at all.
/// </summary>
public sealed class CancelDeadlineClockTests
{
    [Fact]
    public async Task CancelJob_ApplicationClockAnHourAhead_StillWaitsForTheHandlerWithinTheCallersDeadline()
    {
        // 60 times real speed from an epoch a minute ago: the application's clock starts about an hour ahead.
        var epoch = TimeProvider.System.GetUtcNow() - TimeSpan.FromMinutes(1);
        await using var server = await InProcessServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Clock:Speed"] = "60",
            ["Clock:Epoch"] = epoch.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["Queue:LeaseDuration"] = "01:00:00",
        });
        var id = await server.Api.EnqueueBackgroundAsync(Requests.Gated());
        await server.Gate.WaitStartedAsync(id);

        var reply = await server.Api.JobsAsync<CancelJobRequest, CancelJobResponse>(
            "CancelJob", new CancelJobRequest { JobId = id, Wait = Duration.FromTimeSpan(TimeSpan.FromSeconds(30)) });

        Assert.True(reply.Stopped, "CancelJob answered without waiting for the handler to stop");
        Assert.Equal(JobResult.Cancelled, reply.Job.LastResult);
    }
}
