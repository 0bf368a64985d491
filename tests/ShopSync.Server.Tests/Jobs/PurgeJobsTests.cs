using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>PurgeJobs through the real server, on a fake clock: what has aged out goes, everything else stays.</summary>
public sealed class PurgeJobsTests
{
    [Fact]
    public async Task PurgeJobs_DryRunThenPurge_CountsThenDeletesOnlyOldFinishedEntries()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await InProcessServer.StartAsync((services, _) => services.AddSingleton<TimeProvider>(clock));
        var finished = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 0, category: "PURGE-A"));
        var failed = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 0, failAttempts: 1, failMessage: "no", maxAttempts: 1, category: "PURGE-B"));
        await server.Api.WaitForStatusAsync(finished, JobStatus.Finished);
        await server.Api.WaitForStatusAsync(failed, JobStatus.Error);
        var onHold = Requests.Diagnostics(steps: 0, category: "PURGE-C");
        onHold.OnHold = true;
        var held = await server.Api.EnqueueBackgroundAsync(onHold);
        clock.Advance(TimeSpan.FromDays(2));
        var recent = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 0, category: "PURGE-D"));
        await server.Api.WaitForStatusAsync(recent, JobStatus.Finished);
        var request = new PurgeJobsRequest { OlderThan = Duration.FromTimeSpan(TimeSpan.FromDays(1)), DryRun = true };

        var dryRun = await server.Api.JobsAsync<PurgeJobsRequest, PurgeJobsResponse>("PurgeJobs", request);
        Assert.Equal(1, dryRun.Count);
        Assert.True(dryRun.DryRun);
        Assert.Equal(JobStatus.Finished, (await server.Api.GetJobAsync(finished)).Status);

        request.DryRun = false;
        var purged = await server.Api.JobsAsync<PurgeJobsRequest, PurgeJobsResponse>("PurgeJobs", request);

        Assert.Equal(1, purged.Count);
        Assert.True(purged.Complete);
        Assert.Equal(clock.GetUtcNow() - TimeSpan.FromDays(1), purged.Cutoff.ToDateTimeOffset());
        var gone = await Assert.ThrowsAsync<RpcException>(() => server.Api.GetJobAsync(finished));
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        Assert.Equal(JobStatus.Error, (await server.Api.GetJobAsync(failed)).Status);
        Assert.Equal(JobStatus.OnHold, (await server.Api.GetJobAsync(held)).Status);
        Assert.Equal(JobStatus.Finished, (await server.Api.GetJobAsync(recent)).Status);
    }

    [Theory]
    [InlineData(0, JobStatus.Finished, "older_than")]
    [InlineData(24, JobStatus.Ready, "statuses")]
    public async Task PurgeJobs_BadInput_InvalidArgumentNamingTheField(int olderThanHours, JobStatus status, string field)
    {
        await using var server = await InProcessServer.StartAsync();
        var request = new PurgeJobsRequest { Statuses = { status } };
        if (olderThanHours > 0)
        {
            request.OlderThan = Duration.FromTimeSpan(TimeSpan.FromHours(olderThanHours));
        }

        var error = await Assert.ThrowsAsync<RpcException>(() => server.Api.JobsAsync<PurgeJobsRequest, PurgeJobsResponse>("PurgeJobs", request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.FirstOrDefault()?.Field);
    }
}
