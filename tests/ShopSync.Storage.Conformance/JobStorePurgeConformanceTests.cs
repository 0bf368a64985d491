using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Conformance;

/// <summary>
/// The retention part of the <see cref="IJobStore"/> contract (<c>PurgeJobsAsync</c>, <c>PurgeLogAsync</c>,
/// <c>CountByCategoryAsync</c>); every driver derives a class from this one, like <see cref="JobStoreConformanceTests"/>.
/// </summary>
public abstract class JobStorePurgeConformanceTests
{
    private static readonly DateTimeOffset Cutoff = TestJobs.T0.AddDays(10);
    private static readonly IReadOnlySet<Guid> KeepNone = new HashSet<Guid>();

    private static CancellationToken Ct => CancellationToken.None;

    protected abstract IStoreFactory Factory { get; }

    [Fact]
    public async Task PurgeJobs_OldFinished_DeletesEntryAndEventsKeepsLog()
    {
        var store = await Factory.CreateAsync(Ct);
        var old = await RunAsync(store, "A", TestJobs.T0.AddDays(1), JobStatus.Finished, JobResult.Succeeded);
        var young = await RunAsync(store, "B", Cutoff.AddHours(1), JobStatus.Finished, JobResult.Succeeded);

        var batch = await store.PurgeJobsAsync(Filter([JobStatus.Finished]), 0, 100, dryRun: false, Ct);

        Assert.Equal(1, batch.Deleted);
        Assert.Null(batch.Next);
        Assert.Null(await store.GetAsync(old.Id, Ct));
        Assert.Empty(await store.ReadEventsAsync(old.Id, 0, 100, Ct));
        Assert.NotNull(await store.GetAsync(young.Id, Ct));
        Assert.NotEmpty((await store.ListLogAsync(new JobLogQuery { JobId = old.Id, PageSize = 10 }, Ct)).Entries);
    }

    [Fact]
    public async Task PurgeJobs_ErrorOnHoldReadyAndKept_Stay()
    {
        var store = await Factory.CreateAsync(Ct);
        var error = await RunAsync(store, "A", TestJobs.T0.AddDays(1), JobStatus.Error, JobResult.Failed);
        var kept = await RunAsync(store, "B", TestJobs.T0.AddDays(1), JobStatus.Finished, JobResult.Succeeded);
        var ready = (await store.InsertAsync([TestJobs.New(category: "C")], Ct)).Value[0];
        var held = TestJobs.New(category: "D");
        var onHold = (await store.InsertAsync([held with { Job = held.Job with { Status = JobStatus.OnHold } }], Ct)).Value[0];

        var filter = Filter([JobStatus.Finished]) with { Keep = new HashSet<Guid> { kept.Id } };
        var batch = await store.PurgeJobsAsync(filter, 0, 100, dryRun: false, Ct);

        Assert.Equal(0, batch.Deleted);
        foreach (var id in new[] { error.Id, kept.Id, ready.Id, onHold.Id })
        {
            Assert.NotNull(await store.GetAsync(id, Ct));
        }

        var errors = await store.PurgeJobsAsync(Filter([JobStatus.Error]), 0, 100, dryRun: false, Ct);
        Assert.Equal(1, errors.Deleted);
        Assert.Null(await store.GetAsync(error.Id, Ct));
    }

    [Fact]
    public async Task PurgeJobs_DryRunAndShop_CountsOnlyThatShopAndDeletesNothing()
    {
        var store = await Factory.CreateAsync(Ct);
        var mine = await RunAsync(store, "A", TestJobs.T0.AddDays(1), JobStatus.Finished, JobResult.Succeeded, shop: "SHOP1");
        await RunAsync(store, "B", TestJobs.T0.AddDays(1), JobStatus.Finished, JobResult.Succeeded, shop: "SHOP2");

        var filter = Filter([JobStatus.Finished]) with { ShopCode = "SHOP1" };
        var dry = await store.PurgeJobsAsync(filter, 0, 100, dryRun: true, Ct);

        Assert.Equal((1, 0), (dry.Matched, dry.Deleted));
        Assert.NotNull(await store.GetAsync(mine.Id, Ct));
    }

    [Fact]
    public async Task PurgeJobs_SmallBatches_PageThroughEverything()
    {
        var store = await Factory.CreateAsync(Ct);
        for (var i = 0; i < 5; i++)
        {
            await RunAsync(store, "C" + i, TestJobs.T0.AddDays(1), JobStatus.Finished, JobResult.Succeeded);
        }

        var deleted = 0;
        var batches = 0;
        long after = 0;
        while (true)
        {
            var batch = await store.PurgeJobsAsync(Filter([JobStatus.Finished]), after, 2, dryRun: false, Ct);
            deleted += batch.Deleted;
            batches++;
            Assert.True(batch.Deleted <= 2);
            if (batch.Next is not { } next)
            {
                break;
            }

            after = next;
        }

        Assert.Equal(5, deleted);
        Assert.Equal(3, batches);
    }

    [Fact]
    public async Task PurgeLog_OldRuns_KeepsWhatTaskHealthReads()
    {
        var store = await Factory.CreateAsync(Ct);
        // One task of one shop: fail, succeed, fail, succeed, fail, fail; all old except none.
        var results = new[] { JobResult.Failed, JobResult.Succeeded, JobResult.Failed, JobResult.Succeeded, JobResult.Failed, JobResult.Failed };
        var jobs = new List<Job>();
        for (var i = 0; i < results.Length; i++)
        {
            var status = results[i] == JobResult.Succeeded ? JobStatus.Finished : JobStatus.Error;
            jobs.Add(await RunAsync(store, "L" + i, TestJobs.T0.AddDays(1).AddMinutes(i), status, results[i]));
        }

        var otherTask = await RunAsync(store, "X", TestJobs.T0.AddDays(1), JobStatus.Finished, JobResult.Succeeded, reportId: 90001);
        var running = (await store.InsertAsync([TestJobs.New(category: "R")], Ct)).Value[0];
        await store.ClaimAsync(TestJobs.Claim("R", now: TestJobs.T0), Ct);

        var filter = new LogPurgeFilter(Cutoff, null, await store.ReadLogRetentionMarksAsync(null, Ct));
        var dry = await store.PurgeLogAsync(filter, 0, 100, dryRun: true, Ct);
        var done = await store.PurgeLogAsync(filter, 0, 100, dryRun: false, Ct);

        // Gone: runs 0 (failure before the newest success, not the newest failure), 1 and 2 (before the newest success).
        // Stay: 3 (newest success), 4 and 5 (after it; 5 is also the newest failure), the other task's only run, the running one.
        Assert.Equal(3, dry.Matched);
        Assert.Equal(3, done.Deleted);
        for (var i = 0; i < jobs.Count; i++)
        {
            var log = await store.ListLogAsync(new JobLogQuery { JobId = jobs[i].Id, PageSize = 10 }, Ct);
            Assert.Equal(i >= 3, log.Entries.Count == 1);
        }

        Assert.Single((await store.ListLogAsync(new JobLogQuery { JobId = otherTask.Id, PageSize = 10 }, Ct)).Entries);
        Assert.Single((await store.ListLogAsync(new JobLogQuery { JobId = running.Id, PageSize = 10 }, Ct)).Entries);
    }

    [Fact]
    public async Task PurgeLog_NoSuccessYet_KeepsEveryFailure()
    {
        var store = await Factory.CreateAsync(Ct);
        await RunAsync(store, "A", TestJobs.T0.AddDays(1), JobStatus.Error, JobResult.Failed);
        await RunAsync(store, "B", TestJobs.T0.AddDays(2), JobStatus.Error, JobResult.Failed);

        var filter = new LogPurgeFilter(Cutoff, null, await store.ReadLogRetentionMarksAsync(null, Ct));
        var done = await store.PurgeLogAsync(filter, 0, 100, dryRun: false, Ct);

        Assert.Equal(0, done.Deleted);
    }

    [Fact]
    public async Task PurgeLog_StaleMarks_OnlyKeepMore()
    {
        var store = await Factory.CreateAsync(Ct);
        var first = await RunAsync(store, "A", TestJobs.T0.AddDays(1), JobStatus.Finished, JobResult.Succeeded);
        var marks = await store.ReadLogRetentionMarksAsync(null, Ct);
        await RunAsync(store, "B", TestJobs.T0.AddDays(2), JobStatus.Finished, JobResult.Succeeded);

        // Read before the second success: the first run is still the newest success they know, so it stays.
        var stale = await store.PurgeLogAsync(new LogPurgeFilter(Cutoff, null, marks), 0, 100, dryRun: false, Ct);
        var fresh = await store.PurgeLogAsync(new LogPurgeFilter(Cutoff, null, await store.ReadLogRetentionMarksAsync(null, Ct)), 0, 100, dryRun: false, Ct);

        Assert.Equal((0, 1), (stale.Deleted, fresh.Deleted));
        Assert.Empty((await store.ListLogAsync(new JobLogQuery { JobId = first.Id, PageSize = 10 }, Ct)).Entries);
    }

    [Fact]
    public async Task PurgeLog_SmallBatches_PageThroughProtectedRows()
    {
        var store = await Factory.CreateAsync(Ct);
        for (var i = 0; i < 4; i++)
        {
            await RunAsync(store, "S" + i, TestJobs.T0.AddDays(1).AddMinutes(i), JobStatus.Finished, JobResult.Succeeded);
        }

        for (var i = 0; i < 3; i++)
        {
            await RunAsync(store, "O" + i, TestJobs.T0.AddDays(1).AddMinutes(10 + i), JobStatus.Finished, JobResult.Succeeded, reportId: 90001);
        }

        var filter = new LogPurgeFilter(Cutoff, null, await store.ReadLogRetentionMarksAsync(null, Ct));
        var deleted = 0;
        long after = 0;
        while (true)
        {
            var batch = await store.PurgeLogAsync(filter, after, 2, dryRun: false, Ct);
            deleted += batch.Deleted;
            if (batch.Next is not { } next)
            {
                break;
            }

            after = next;
        }

        Assert.Equal(5, deleted);
    }

    [Fact]
    public async Task CountByCategory_CountsStatusesAndEarliestDue()
    {
        var store = await Factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New(category: "Q", earliest: TestJobs.T0.AddMinutes(2)), TestJobs.New(category: "Q")], Ct);
        await RunAsync(store, "F", TestJobs.T0.AddDays(1), JobStatus.Finished, JobResult.Succeeded);

        var counts = await store.CountByCategoryAsync(Ct);

        var ready = Assert.Single(counts, c => c.CategoryCode == "Q");
        Assert.Equal((JobStatus.Ready, 2L, TestJobs.T0), (ready.Status, ready.Count, ready.EarliestDue));
        var finished = Assert.Single(counts, c => c.CategoryCode == "F");
        Assert.Equal((JobStatus.Finished, 1L, (DateTimeOffset?)null), (finished.Status, finished.Count, finished.EarliestDue));
    }

    private static JobPurgeFilter Filter(IReadOnlyList<JobStatus> statuses) => new(Cutoff, statuses, null, KeepNone);

    /// <summary>Queues one entry in its own category, claims it and ends its run at <paramref name="endedAt"/>.</summary>
    private static async Task<Job> RunAsync(
        IJobStore store, string category, DateTimeOffset endedAt, JobStatus status, JobResult result, string shop = "SHOP1", int reportId = 90000)
    {
        var template = TestJobs.New(category: category);
        var job = (await store.InsertAsync([template with { Job = template.Job with { ShopCode = shop, ReportId = reportId } }], Ct)).Value[0];
        var claim = (await store.ClaimAsync(TestJobs.Claim(category, now: TestJobs.T0), Ct)).Value.Single();
        var completion = await store.CompleteAsync(new RunCompletion
        {
            JobId = job.Id,
            FencingToken = claim.Job!.FencingToken,
            LogEntryId = claim.LogEntryId,
            Now = endedAt,
            Status = status,
            Result = result,
            ErrorMessage = status == JobStatus.Error ? "boom" : null,
            Events = [new JobCompleted(result, status, null, null, JobCounters.Zero, null)],
        }, null, Ct);
        Assert.True(completion.Accepted);
        return job;
    }
}
