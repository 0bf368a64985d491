using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Conformance.Health;

/// <summary>The task-health reader (<see cref="Queue.Health.ITaskHealthReader"/>) on every driver, over runs the store itself logged.</summary>
public abstract class TaskHealthReaderConformanceTests
{
    private static CancellationToken Ct => CancellationToken.None;

    protected abstract ITaskHealthStoreFactory Factory { get; }

    [Fact]
    public async Task Read_FailedRunThenSucceededRun_LastSuccessLastFailureAndNoStreak()
    {
        var (store, reader) = await Factory.CreateAsync(Ct);
        await RunTwiceAsync(store);

        var health = await reader.ReadAsync(["SHOP1", "OTHER"], null, Ct);

        var task = Assert.Single(health[0].Tasks);
        Assert.Equal(90000, task.ReportId);
        Assert.Equal(TestJobs.T0.AddSeconds(3), task.LastSuccess);
        Assert.Equal(TestJobs.T0.AddSeconds(1), task.LastFailure);
        Assert.Equal("boom", task.LastFailureMessage);
        Assert.Equal(0, task.ConsecutiveFailures);
        Assert.False(task.RunningNow);
        Assert.Equal(1, health[0].FailedRuns);
        Assert.Equal("OTHER", health[1].ShopCode);
        Assert.Empty(health[1].Tasks);
    }

    [Fact]
    public async Task Read_FailedSinceAfterTheFailure_CountsNoRecentFailure()
    {
        var (store, reader) = await Factory.CreateAsync(Ct);
        await RunTwiceAsync(store);

        var health = await reader.ReadAsync(["SHOP1"], TestJobs.T0.AddSeconds(2), Ct);

        Assert.Equal(1, health[0].FailedRuns);
        Assert.Equal(0, health[0].FailedRunsSince);
    }

    [Fact]
    public async Task Read_RunInProcess_ReportsItRunningWithTheEntry()
    {
        var (store, reader) = await Factory.CreateAsync(Ct);
        await reader.ReadAsync(["SHOP1"], null, Ct);
        var inserted = await store.InsertAsync([TestJobs.New()], Ct);
        var claim = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value.Single();

        var task = Assert.Single((await reader.ReadAsync(["SHOP1"], null, Ct))[0].Tasks);

        Assert.True(task.RunningNow);
        Assert.Equal(claim.Job!.Id, task.RunningJobId);
        Assert.Equal(inserted.Value.Single().Id, task.RunningJobId);
    }

    [Fact]
    public async Task ListFailedRuns_OneFailure_TheRunWithItsErrorAndTotal()
    {
        var (store, reader) = await Factory.CreateAsync(Ct);
        var jobId = await RunTwiceAsync(store);

        var page = await reader.ListFailedRunsAsync("SHOP1", null, null, 10, Ct);

        var run = Assert.Single(page.Runs);
        Assert.Equal(jobId, run.JobId);
        Assert.Equal("boom", run.ErrorMessage);
        Assert.Equal(TestJobs.T0.AddSeconds(1), run.EndTime);
        Assert.Equal(1, page.Total);
        Assert.Null(page.NextBeforeId);
    }

    /// <summary>One entry: attempt 1 fails at T0+1s (retry due at once), attempt 2 succeeds at T0+3s.</summary>
    private static async Task<Guid> RunTwiceAsync(IJobStore store)
    {
        await store.InsertAsync([TestJobs.New()], Ct);
        var first = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value.Single();
        Assert.True((await store.CompleteAsync(new RunCompletion
        {
            JobId = first.Job!.Id,
            FencingToken = first.Job.FencingToken,
            LogEntryId = first.LogEntryId,
            Now = TestJobs.T0.AddSeconds(1),
            Status = JobStatus.Ready,
            Result = JobResult.Failed,
            EarliestStart = TestJobs.T0.AddSeconds(1),
            ErrorMessage = "boom",
            Events = [new JobCompleted(JobResult.Failed, JobStatus.Ready, "boom", null, JobCounters.Zero, null)],
        }, null, Ct)).Accepted);

        var second = (await store.ClaimAsync(TestJobs.Claim(now: TestJobs.T0.AddSeconds(2)), Ct)).Value.Single();
        Assert.True((await store.CompleteAsync(new RunCompletion
        {
            JobId = second.Job!.Id,
            FencingToken = second.Job.FencingToken,
            LogEntryId = second.LogEntryId,
            Now = TestJobs.T0.AddSeconds(3),
            Status = JobStatus.Finished,
            Result = JobResult.Succeeded,
            Events = [new JobCompleted(JobResult.Succeeded, JobStatus.Finished, null, null, JobCounters.Zero, null)],
        }, null, Ct)).Accepted);
        return first.Job.Id;
    }
}
