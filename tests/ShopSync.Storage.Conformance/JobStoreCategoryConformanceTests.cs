using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Conformance;

/// <summary>ReadCategoryActivityAsync (the dashboard's overview); every driver runs it.</summary>
public abstract class JobStoreCategoryConformanceTests
{
    private static readonly DateTimeOffset T0 = TestJobs.T0;

    private static CancellationToken Ct => CancellationToken.None;

    protected abstract IStoreFactory Factory { get; }

    [Fact]
    public async Task ReadCategoryActivity_QueueWithRunAndWaiting_CountsRunningAndOldestWaiting()
    {
        var store = await Factory.CreateAsync(Ct);
        var late = TestJobs.New("A", earliest: T0.AddMinutes(-3));
        var held = TestJobs.New("A");
        var jobs = (await store.InsertAsync(
        [
            TestJobs.New("A", priority: 1),
            TestJobs.New("A"),
            late,
            TestJobs.New("A", earliest: T0.AddHours(1)),
            held with { Job = held.Job with { Status = JobStatus.OnHold } },
            TestJobs.New("B"),
        ], Ct)).Value;
        var claim = (await store.ClaimAsync(TestJobs.Claim("A"), Ct)).Value.Single();
        Assert.Equal(jobs[0].Id, claim.Job!.Id);

        var activity = await store.ReadCategoryActivityAsync(new CategoryActivityQuery(null, null, T0.AddMinutes(1), T0.AddMinutes(-14)), Ct);

        Assert.Equal(jobs[0].Id, activity.Running.Single().Id);
        var a = activity.Counts.Where(c => c.CategoryCode == "A").ToList();
        Assert.Equal(1, a.Single(c => c.Status == JobStatus.InProcess).Count);
        Assert.Equal(1, a.Single(c => c.Status == JobStatus.OnHold).Count);
        // Two due behind the run (Ready or already marked Waiting), one not due yet.
        Assert.Equal(3, a.Where(c => c.Status is JobStatus.Ready or JobStatus.Waiting).Sum(c => c.Count));
        Assert.Equal(2, a.Where(c => c.Status is JobStatus.Ready or JobStatus.Waiting).Sum(c => c.Due));
        Assert.Equal(jobs[2].Id, activity.OldestWaiting.Single(j => j.CategoryCode == "A").Id);
        Assert.Equal(jobs[5].Id, activity.OldestWaiting.Single(j => j.CategoryCode == "B").Id);
        Assert.Empty(activity.Ended);
    }

    [Fact]
    public async Task ReadCategoryActivity_RunsEnded_CountsPerMinuteOfWindow()
    {
        var store = await Factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New("A"), TestJobs.New("A"), TestJobs.New("A")], Ct);
        await RunAsync(store, "A", T0, T0.AddSeconds(10));
        await RunAsync(store, "A", T0.AddSeconds(20), T0.AddSeconds(50));
        await RunAsync(store, "A", T0.AddMinutes(2), T0.AddMinutes(2).AddSeconds(5));

        var activity = await store.ReadCategoryActivityAsync(new CategoryActivityQuery(null, null, T0.AddMinutes(3), T0), Ct);
        Assert.Equal([(0, 2), (2, 1)], activity.Ended.Where(e => e.CategoryCode == "A").OrderBy(e => e.Minute).Select(e => (e.Minute, e.Count)));

        var later = await store.ReadCategoryActivityAsync(new CategoryActivityQuery(null, null, T0.AddMinutes(3), T0.AddMinutes(1)), Ct);
        Assert.Equal([(1, 1)], later.Ended.Select(e => (e.Minute, e.Count)));
        Assert.Empty(later.Running);
    }

    [Fact]
    public async Task ReadCategoryActivity_ShopOrScope_OnlyThoseShops()
    {
        var store = await Factory.CreateAsync(Ct);
        var other = TestJobs.New("B");
        var none = TestJobs.New("C");
        await store.InsertAsync([TestJobs.New("A"), other with { Job = other.Job with { ShopCode = "SHOP2" } }, none with { Job = none.Job with { ShopCode = "" } }], Ct);

        var one = await store.ReadCategoryActivityAsync(new CategoryActivityQuery("SHOP2", null, T0, T0.AddMinutes(-15)), Ct);
        Assert.Equal(["B"], one.Counts.Select(c => c.CategoryCode).Distinct());
        var scoped = await store.ReadCategoryActivityAsync(new CategoryActivityQuery(null, ["shop1", "SHOP2"], T0, T0.AddMinutes(-15)), Ct);
        Assert.Equal(["A", "B"], scoped.Counts.Select(c => c.CategoryCode).Distinct().Order());
        Assert.Equal(["A", "B"], scoped.OldestWaiting.Select(j => j.CategoryCode).Order());
        var nothing = await store.ReadCategoryActivityAsync(new CategoryActivityQuery(null, [], T0, T0.AddMinutes(-15)), Ct);
        Assert.Empty(nothing.Counts);
        Assert.Empty(nothing.OldestWaiting);
    }

    private static async Task RunAsync(IJobStore store, string category, DateTimeOffset start, DateTimeOffset end)
    {
        var claim = (await store.ClaimAsync(TestJobs.Claim(category, now: start), Ct)).Value.Single();
        var job = claim.Job!;
        var done = await store.CompleteAsync(
            new RunCompletion
            {
                JobId = job.Id,
                FencingToken = job.FencingToken,
                LogEntryId = claim.LogEntryId,
                Now = end,
                Status = JobStatus.Finished,
                Result = JobResult.Succeeded,
                Events = [new JobCompleted(JobResult.Succeeded, JobStatus.Finished, null, null, JobCounters.Zero, null)],
            },
            null,
            Ct);
        Assert.True(done.Accepted);
    }
}
