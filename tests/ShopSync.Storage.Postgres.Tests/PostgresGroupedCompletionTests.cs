using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>
/// Completions written together in one transaction (the group commit of run ends): each gets what it would have got
/// alone, and one that fails its fence is left out without failing the others.
/// </summary>
public sealed class PostgresGroupedCompletionTests(PostgresStoreFactory factory) : IClassFixture<PostgresStoreFactory>
{
    private static CancellationToken Ct => CancellationToken.None;

    private static readonly DateTimeOffset End = TestJobs.T0.AddSeconds(5);

    [Fact]
    public async Task CompleteTogether_ThreeCategories_EachEndsAndHandsOverItsOwnCategory()
    {
        var store = (PostgresJobStore)await factory.CreateAsync(Ct);
        string[] categories = ["A", "B", "C"];
        foreach (var category in categories)
        {
            // The second is marked Waiting when the first starts; the third is due only by the time the first ends.
            await store.InsertAsync([TestJobs.New(category), TestJobs.New(category), TestJobs.New(category, earliest: End)], Ct);
        }

        var claims = (await store.ClaimAsync(new ClaimRequest(categories, "node-a", TestJobs.T0, TestJobs.T0.AddSeconds(20)), Ct)).Value;
        var group = claims.Select((c, i) => new PgCompletionWrite(Finished(c, End.AddMilliseconds(i)), TestJobs.Claim(c.CategoryCode, now: End.AddMilliseconds(i)))).ToList();

        var results = await store.CompleteTogetherAsync(group, Ct);

        Assert.Equal(3, results.Count);
        for (var i = 0; i < 3; i++)
        {
            var result = results[i];
            var ended = claims[i].Job!;
            Assert.True(result.Accepted);
            Assert.Equal(ended.Id, result.Job!.Id);
            Assert.Equal(JobStatus.Finished, result.Job.Status);
            Assert.Equal(End.AddMilliseconds(i), result.Job.EndedAt);

            // Its own category's next entry, and no other's.
            var next = Assert.Single(result.Claims);
            Assert.Equal(categories[i], next.CategoryCode);
            Assert.Equal(CategoryClaimStatus.Claimed, next.Status);
            Assert.Equal(categories[i], next.Job!.CategoryCode);
            Assert.NotEqual(ended.Id, next.Job.Id);
            Assert.All(result.Events, e => Assert.Equal(categories[i], e.CategoryCode));

            // The completion's events, then the next run's start and the Waiting mark of the entry that fell due meanwhile.
            Assert.IsType<JobCompleted>(result.Events[0].Event.Data);
            Assert.Equal(ended.Id, result.Events[0].Event.JobId);
            Assert.Contains(result.Events, e => e.Event.JobId == next.Job.Id && e.Event.Data is JobStarted);
            Assert.Contains(result.Events, e => e.Event.Data is JobWaiting w && w.BlockingJobId == next.Job.Id);

            // What was written is what was answered: the stored events and the closed log entry.
            var stored = await store.ReadEventsAsync(ended.Id, 0, 100, Ct);
            Assert.Equal(result.Job.LastEventSequence, stored[^1].Sequence);
            Assert.IsType<JobCompleted>(stored[^1].Data);
            var log = await store.ListLogAsync(new JobLogQuery { JobId = ended.Id }, Ct);
            var entry = Assert.Single(log.Entries);
            Assert.Equal(End.AddMilliseconds(i), entry.EndTime);
            Assert.Equal(JobResult.Succeeded, entry.Result);
        }
    }

    [Fact]
    public async Task CompleteTogether_OneStaleToken_OnlyThatOneIsRefused()
    {
        var store = (PostgresJobStore)await factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New("A"), TestJobs.New("B")], Ct);
        var claims = (await store.ClaimAsync(new ClaimRequest(["A", "B"], "node-a", TestJobs.T0, TestJobs.T0.AddSeconds(20)), Ct)).Value;
        var stale = Finished(claims[0], End) with { FencingToken = claims[0].Job!.FencingToken - 1 };

        var results = await store.CompleteTogetherAsync([new(stale, null), new(Finished(claims[1], End), null)], Ct);

        Assert.False(results[0].Accepted);
        Assert.Empty(results[0].Events);
        Assert.Equal(JobStatus.InProcess, (await store.GetAsync(claims[0].Job!.Id, Ct))!.Status);
        var log = await store.ListLogAsync(new JobLogQuery { JobId = claims[0].Job!.Id }, Ct);
        Assert.Null(Assert.Single(log.Entries).EndTime);

        Assert.True(results[1].Accepted);
        Assert.Equal(JobStatus.Finished, (await store.GetAsync(claims[1].Job!.Id, Ct))!.Status);
    }

    [Fact]
    public async Task CompleteTogether_RetryProgressAndHold_EachRowGetsItsOwnValues()
    {
        var store = (PostgresJobStore)await factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New("A"), TestJobs.New("B")], Ct);
        var claims = (await store.ClaimAsync(new ClaimRequest(["A", "B"], "node-a", TestJobs.T0, TestJobs.T0.AddSeconds(20)), Ct)).Value;
        var held = await store.ChangeAsync(
            new JobChange { JobId = claims[1].Job!.Id, ExpectedStatus = JobStatus.InProcess, Now = End, HoldRequested = true }, Ct);
        Assert.NotNull(held);

        var progress = new JobProgress(40, "page 2", new JobCounters(2, 7, 1, 0));
        var retry = new RunCompletion
        {
            JobId = claims[0].Job!.Id,
            FencingToken = claims[0].Job!.FencingToken,
            LogEntryId = claims[0].LogEntryId,
            Now = End,
            Status = JobStatus.Ready,
            Result = JobResult.Failed,
            EarliestStart = End.AddMinutes(1),
            ErrorMessage = "Shopify answered 502",
            Progress = progress,
            Events = [new JobAttemptFailed(1, 3, "Shopify answered 502", End.AddMinutes(1))],
        };
        var next = Finished(claims[1], End) with { Status = JobStatus.Ready, Events = [] };

        var results = await store.CompleteTogetherAsync([new(retry, null), new(next, null)], Ct);

        var failed = results[0].Job!;
        Assert.Equal(JobStatus.Ready, failed.Status);
        Assert.Equal(End.AddMinutes(1), failed.EarliestStart);
        Assert.Equal("Shopify answered 502", failed.ErrorMessage);
        Assert.Equal(progress.Counters, failed.LastProgress!.Counters);
        Assert.Equal(1, failed.Attempts);
        var log = Assert.Single((await store.ListLogAsync(new JobLogQuery { JobId = failed.Id }, Ct)).Entries);
        Assert.Equal(JobResult.Failed, log.Result);
        Assert.Equal(7, log.Counters.Done);

        // The hold asked for during the run turns its Ready into On Hold, with its status change as the last event.
        var onHold = results[1].Job!;
        Assert.Equal(JobStatus.OnHold, onHold.Status);
        var change = Assert.IsType<JobStatusChanged>(results[1].Events[^1].Event.Data);
        Assert.Equal(JobStatus.OnHold, change.Status);
        Assert.Equal(onHold.LastEventSequence, results[1].Events[^1].Event.Sequence);
    }

    [Fact]
    public async Task CompleteAsync_ManyAtOnce_EveryCategoryRunsItsEntriesInOrderOnce()
    {
        var store = (PostgresJobStore)await factory.CreateAsync(Ct);
        var categories = Enumerable.Range(0, 20).Select(i => $"G{i:00}").ToArray();
        const int perCategory = 5;
        foreach (var category in categories)
        {
            await store.InsertAsync(Enumerable.Range(0, perCategory).Select(_ => TestJobs.New(category)).ToList(), Ct);
        }

        // Twenty runners, one per category, end their runs at once through the group commit and run what it hands over.
        var first = (await store.ClaimAsync(new ClaimRequest(categories, "node-a", TestJobs.T0, TestJobs.T0.AddSeconds(20)), Ct)).Value;
        var runs = await Task.WhenAll(first.Select(claim => Task.Run(async () =>
        {
            var ran = new List<long>();
            var current = claim;
            while (current is { Status: CategoryClaimStatus.Claimed })
            {
                ran.Add(current.Job!.EntryNo);
                var result = await store.CompleteAsync(Finished(current, End), TestJobs.Claim(claim.CategoryCode, now: End), Ct);
                Assert.True(result.Accepted);
                current = result.Next;
            }

            return (claim.CategoryCode, Ran: ran);
        })));

        foreach (var (category, ran) in runs)
        {
            Assert.Equal(perCategory, ran.Count);
            Assert.Equal(ran.Order(), ran);
        }

        Assert.True(store.CompletionsWrittenInGroups > 0, "no run end went through a group of more than one");
        var page = await store.ListAsync(new JobQuery { PageSize = 500 }, Ct);
        Assert.All(page.Jobs, j => Assert.Equal(JobStatus.Finished, j.Status));
        Assert.Equal(categories.Length * perCategory, page.Jobs.Count);
    }

    private static RunCompletion Finished(CategoryClaim claim, DateTimeOffset now) => new()
    {
        JobId = claim.Job!.Id,
        FencingToken = claim.Job.FencingToken,
        LogEntryId = claim.LogEntryId,
        Now = now,
        Status = JobStatus.Finished,
        Result = JobResult.Succeeded,
        Events = [new JobCompleted(JobResult.Succeeded, JobStatus.Finished, null, null, JobCounters.Zero, null)],
    };
}
