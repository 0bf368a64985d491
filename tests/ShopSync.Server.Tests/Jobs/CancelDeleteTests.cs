using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>CancelJob and DeleteJob through gRPC, on running, waiting and finished entries.</summary>
public sealed class CancelDeleteTests
{
    [Fact]
    public async Task CancelJob_RunningEntry_ReturnsStoppedAndCancelled()
    {
        await using var server = await InProcessServer.StartAsync();
        var id = await server.Api.EnqueueBackgroundAsync(Requests.Gated());
        await server.Gate.WaitStartedAsync(id);

        var reply = await server.Api.JobsAsync<CancelJobRequest, CancelJobResponse>(
            "CancelJob", new CancelJobRequest { JobId = id, Wait = Duration.FromTimeSpan(TimeSpan.FromSeconds(30)) });

        Assert.True(reply.Stopped);
        Assert.Equal(JobStatus.Finished, reply.Job.Status);
        Assert.Equal(JobResult.Cancelled, reply.Job.LastResult);
        Assert.True(server.Gate.Run(id).Cancelled.Task.IsCompleted, "the handler's token fired");
        var log = Assert.Single(await server.Api.LogEntriesAsync(id));
        Assert.Equal(JobResult.Cancelled, log.Result);
    }

    [Fact]
    public async Task CancelJob_WaitingEntry_FinishesCancelledWithoutRunning()
    {
        await using var server = await InProcessServer.StartAsync();
        var blocker = await server.Api.EnqueueBackgroundAsync(Requests.Gated("CANCEL"));
        await server.Gate.WaitStartedAsync(blocker);
        var waiting = await server.Api.EnqueueBackgroundAsync(Requests.Gated("CANCEL"));

        var reply = await server.Api.JobsAsync<CancelJobRequest, CancelJobResponse>("CancelJob", new CancelJobRequest { JobId = waiting });
        server.Gate.Release(blocker);
        await server.Api.WaitForStatusAsync(blocker, JobStatus.Finished);

        Assert.True(reply.Stopped);
        Assert.Equal(JobStatus.Finished, reply.Job.Status);
        Assert.Equal(JobResult.Cancelled, reply.Job.LastResult);
        Assert.False(server.Gate.Run(waiting).Started.Task.IsCompleted);
        Assert.Empty(await server.Api.LogEntriesAsync(waiting));
    }

    [Fact]
    public async Task CancelJob_FinishedEntry_FailsWithFailedPrecondition()
    {
        await using var server = await InProcessServer.StartAsync();
        var id = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 0));
        await server.Api.WaitForStatusAsync(id, JobStatus.Finished);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            server.Api.JobsAsync<CancelJobRequest, CancelJobResponse>("CancelJob", new CancelJobRequest { JobId = id }));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task DeleteJob_FinishedEntry_IsGoneButRunningEntryIsRefused()
    {
        await using var server = await InProcessServer.StartAsync();
        var finished = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 0));
        await server.Api.WaitForStatusAsync(finished, JobStatus.Finished);
        var running = await server.Api.EnqueueBackgroundAsync(Requests.Gated());
        await server.Gate.WaitStartedAsync(running);

        await server.Api.JobsAsync<DeleteJobRequest, DeleteJobResponse>("DeleteJob", new DeleteJobRequest { JobId = finished });
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            server.Api.JobsAsync<DeleteJobRequest, DeleteJobResponse>("DeleteJob", new DeleteJobRequest { JobId = running }));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        var gone = await Assert.ThrowsAsync<RpcException>(() => server.Api.GetJobAsync(finished));
        Assert.Equal(StatusCode.NotFound, gone.StatusCode);
        Assert.Single(await server.Api.LogEntriesAsync(finished));
    }
}
