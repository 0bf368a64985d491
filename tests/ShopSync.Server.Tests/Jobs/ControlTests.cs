using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>Operator controls through gRPC: hold, set ready, restart, cancel, delete, run now; listing and paging.</summary>
public sealed class ControlTests
{
    [Fact]
    public async Task HoldJob_WaitingEntry_StaysOnHoldUntilSetReady()
    {
        await using var server = await InProcessServer.StartAsync();
        var blocker = await server.Api.EnqueueBackgroundAsync(Requests.Gated("HOLD"));
        await server.Gate.WaitStartedAsync(blocker);
        var held = await server.Api.EnqueueBackgroundAsync(Requests.Gated("HOLD"));

        var reply = await server.Api.JobsAsync<HoldJobRequest, HoldJobResponse>("HoldJob", new HoldJobRequest { JobId = held });
        Assert.Equal(JobStatus.OnHold, reply.Job.Status);
        server.Gate.Release(blocker);
        await server.Api.WaitForStatusAsync(blocker, JobStatus.Finished);
        Assert.Equal(JobStatus.OnHold, (await server.Api.GetJobAsync(held)).Status);
        Assert.False(server.Gate.Run(held).Started.Task.IsCompleted);

        var ready = await server.Api.JobsAsync<SetJobReadyRequest, SetJobReadyResponse>("SetJobReady", new SetJobReadyRequest { JobId = held });
        Assert.Contains(ready.Job.Status, new[] { JobStatus.Ready, JobStatus.InProcess });
        await server.Gate.WaitStartedAsync(held);
        server.Gate.Release(held);
        await server.Api.WaitForStatusAsync(held, JobStatus.Finished);
    }

    [Fact]
    public async Task RestartJob_EntryInError_ResetsAttemptsAndRunsAgain()
    {
        await using var server = await InProcessServer.StartAsync();
        var id = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 0, failAttempts: 9, failMessage: "always", maxAttempts: 1));
        var failed = await server.Api.WaitForStatusAsync(id, JobStatus.Error);
        Assert.Equal(1, failed.Attempts);

        var restarted = await server.Api.JobsAsync<RestartJobRequest, RestartJobResponse>("RestartJob", new RestartJobRequest { JobId = id });

        Assert.Equal(0, restarted.Job.Attempts);
        Assert.Contains(restarted.Job.Status, new[] { JobStatus.Ready, JobStatus.Waiting });
        await server.Api.WaitForJobAsync(id, j => j.Status == JobStatus.Error && j.Attempts == 1 && j.UpdatedAt != failed.UpdatedAt, "the second run to fail");
        Assert.Equal(2, (await server.Api.LogEntriesAsync(id)).Count);
    }

    [Fact]
    public async Task HoldJob_RunningEntry_FinishesItsRunFirst()
    {
        await using var server = await InProcessServer.StartAsync();
        var id = await server.Api.EnqueueBackgroundAsync(Requests.Gated());
        await server.Gate.WaitStartedAsync(id);

        var held = await server.Api.JobsAsync<HoldJobRequest, HoldJobResponse>("HoldJob", new HoldJobRequest { JobId = id });
        Assert.Equal(JobStatus.InProcess, held.Job.Status);
        Assert.False(server.Gate.Run(id).Cancelled.Task.IsCompleted, "a hold does not cancel the run");
        server.Gate.Release(id);

        var done = await server.Api.WaitForJobAsync(id, j => j.Status is JobStatus.Finished or JobStatus.OnHold, "the run to end");
        Assert.Equal(JobResult.Succeeded, done.LastResult);
    }

    [Fact]
    public async Task RunJobNow_EntryDueLater_RunsAtOnce()
    {
        await using var server = await InProcessServer.StartAsync();
        var request = Requests.Diagnostics(steps: 0);
        request.EarliestStart = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(1));
        var id = await server.Api.EnqueueBackgroundAsync(request);
        Assert.Equal(JobStatus.Ready, (await server.Api.GetJobAsync(id)).Status);

        await server.Api.JobsAsync<RunJobNowRequest, RunJobNowResponse>("RunJobNow", new RunJobNowRequest { JobId = id });

        var done = await server.Api.WaitForStatusAsync(id, JobStatus.Finished);
        Assert.Equal(JobResult.Succeeded, done.LastResult);
        Assert.Single(await server.Api.LogEntriesAsync(id));
    }

    [Fact]
    public async Task ListJobs_Paged_RoundTripsThePageTokenOverEveryEntry()
    {
        await using var server = await InProcessServer.StartAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var request = Requests.Diagnostics(steps: 0, category: "PAGED");
            request.OnHold = true;
            ids.Add(await server.Api.EnqueueBackgroundAsync(request));
        }

        var listed = new List<Job>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await server.Api.JobsAsync<ListJobsRequest, ListJobsResponse>(
                "ListJobs", new ListJobsRequest { CategoryCode = "PAGED", PageSize = 2, PageToken = token });
            Assert.True(page.Jobs.Count <= 2);
            listed.AddRange(page.Jobs);
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 10);

        Assert.Equal(ids, listed.Select(j => j.Id));
        Assert.InRange(pages, 3, 4);
        Assert.All(listed, j => Assert.Equal(JobStatus.OnHold, j.Status));
        var one = await server.Api.GetJobAsync(ids[2]);
        Assert.Equal(listed[2].EntryNo, one.EntryNo);
    }

    [Fact]
    public async Task ListJobs_ByStatus_ReturnsOnlyThoseStatuses()
    {
        await using var server = await InProcessServer.StartAsync();
        var held = Requests.Diagnostics(steps: 0);
        held.OnHold = true;
        var heldId = await server.Api.EnqueueBackgroundAsync(held);
        var doneId = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 0));
        await server.Api.WaitForStatusAsync(doneId, JobStatus.Finished);

        var page = await server.Api.JobsAsync<ListJobsRequest, ListJobsResponse>(
            "ListJobs", new ListJobsRequest { Statuses = { JobStatus.OnHold } });

        Assert.Equal(heldId, Assert.Single(page.Jobs).Id);
    }

    [Fact]
    public async Task ListLogEntries_EntryRunTwice_HasOneLogEntryPerRun()
    {
        await using var server = await InProcessServer.StartAsync();
        var id = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 2, stepMs: 1));
        var first = await server.Api.WaitForStatusAsync(id, JobStatus.Finished);

        await server.Api.JobsAsync<RestartJobRequest, RestartJobResponse>("RestartJob", new RestartJobRequest { JobId = id });
        await server.Api.WaitForJobAsync(id, j => j.Status == JobStatus.Finished && j.UpdatedAt != first.UpdatedAt, "the second run");

        var log = await server.Api.LogEntriesAsync(id);
        Assert.Equal(2, log.Count);
        Assert.All(log, l =>
        {
            Assert.Equal(id, l.JobId);
            Assert.Equal(JobResult.Succeeded, l.Result);
            Assert.Equal(2, l.Counters.Done);
            Assert.NotNull(l.EndTime);
        });
        Assert.True(log[0].StartTime.ToDateTimeOffset() >= log[1].StartTime.ToDateTimeOffset(), "newest first");
    }
}
