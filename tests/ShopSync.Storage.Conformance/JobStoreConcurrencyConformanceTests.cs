using System.Collections.Concurrent;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Conformance;

/// <summary>
/// The multi-node part of the <see cref="IJobStore"/> contract: two store instances on one database race for the
/// same categories. Every driver derives a class from this one with its <see cref="ISharedStoreFactory"/>.
/// </summary>
public abstract class JobStoreConcurrencyConformanceTests
{
    private const int Categories = 6;
    private const int EntriesPerCategory = 8;

    private static CancellationToken Ct => CancellationToken.None;

    protected abstract ISharedStoreFactory Factory { get; }

    [Fact]
    public async Task Claim_TwoNodesRacingOverTheSameCategories_NeverTwoInProcessInACategoryAndEachEntryRunsOnce()
    {
        var (a, b) = await Factory.CreatePairAsync(Ct);
        var categories = Enumerable.Range(0, Categories).Select(i => "C" + i).ToArray();
        var jobs = categories.SelectMany(c => Enumerable.Range(0, EntriesPerCategory).Select(_ => TestJobs.New(c))).ToList();
        await a.InsertAsync(jobs, Ct);

        // The independent record: a category is entered when a claim returns, left just before the completion is sent
        // (the completion's commit is what lets another node claim, so leaving first can never hide an overlap).
        var holders = new ConcurrentDictionary<string, Guid>(StringComparer.Ordinal);
        var runs = new ConcurrentDictionary<Guid, int>();
        var overlaps = new ConcurrentQueue<string>();

        async Task Node(IJobStore store, string owner)
        {
            var request = new ClaimRequest(categories, owner, TestJobs.T0, TestJobs.T0.AddMinutes(5));
            var held = new Queue<CategoryClaim>();
            for (var round = 0; round < 10_000 && (runs.Count < jobs.Count || held.Count > 0); round++)
            {
                if (held.Count == 0)
                {
                    Enter((await store.ClaimAsync(request with { Categories = Shuffle(categories) }, Ct)).Value, held);
                    if (held.Count == 0)
                    {
                        await Task.Yield();
                        continue;
                    }
                }

                var claim = held.Dequeue();
                holders.TryRemove(claim.CategoryCode, out _);
                var result = await store.CompleteAsync(Finished(claim), request with { Categories = [claim.CategoryCode] }, Ct);
                Assert.True(result.Accepted);
                Enter(result.Claims, held);
            }
        }

        void Enter(IEnumerable<CategoryClaim> claims, Queue<CategoryClaim> held)
        {
            foreach (var claim in claims.Where(c => c.Status == CategoryClaimStatus.Claimed))
            {
                if (!holders.TryAdd(claim.CategoryCode, claim.Job!.Id))
                {
                    overlaps.Enqueue($"{claim.CategoryCode}: {claim.Job.Id} while {holders[claim.CategoryCode]} ran");
                }

                runs.AddOrUpdate(claim.Job.Id, 1, (_, n) => n + 1);
                held.Enqueue(claim);
            }
        }

        await Task.WhenAll(Task.Run(() => Node(a, "node-a")), Task.Run(() => Node(b, "node-b")));

        Assert.Empty(overlaps);
        Assert.Equal(jobs.Count, runs.Count);
        Assert.All(runs, r => Assert.Equal(1, r.Value));
        var finished = await b.ListAsync(new Queue.Controls.JobQuery { Statuses = [JobStatus.Finished], PageSize = 1000 }, Ct);
        Assert.Equal(jobs.Count, finished.Jobs.Count);
    }

    [Fact]
    public async Task Complete_StaleLeaseHolderAfterAnotherNodeRecoveredAndReclaimed_IsFencedOut()
    {
        var (a, b) = await Factory.CreatePairAsync(Ct);
        var id = (await a.InsertAsync([TestJobs.New()], Ct)).Value[0].Id;
        var stale = (await a.ClaimAsync(TestJobs.Claim(owner: "node-a"), Ct)).Value[0];

        // Node A stops renewing; node B finds the lapsed lease, recovers the run (fenced by A's token) and claims it again.
        var later = TestJobs.T0.AddMinutes(2);
        var lapsed = Assert.Single(await b.FindExpiredLeasesAsync(later, 10, Ct));
        Assert.Equal(id, lapsed.Id);
        var recovery = await b.CompleteAsync(
            Finished(stale, later) with { Status = JobStatus.Ready, Result = JobResult.Failed, Events = [] },
            TestJobs.Claim(owner: "node-b", now: later),
            Ct);
        Assert.True(recovery.Accepted);
        var fresh = recovery.Next!;
        Assert.Equal(CategoryClaimStatus.Claimed, fresh.Status);
        Assert.True(fresh.Job!.FencingToken > stale.Job!.FencingToken);

        // A wakes up and writes as if it still held the run: every write is refused and nothing of B's run changes.
        Assert.False((await a.CompleteAsync(Finished(stale, later), TestJobs.Claim(owner: "node-a", now: later), Ct)).Accepted);
        Assert.False(await a.SaveCheckpointAsync(id, stale.Job.FencingToken, "stale", Ct));
        var progress = new ProgressWrite(id, stale.Job.FencingToken, new JobProgress(50, "stale", JobCounters.Zero), later);
        Assert.Empty(await a.AppendProgressAsync([progress], Ct));
        var renewal = await a.RenewLeasesAsync(new LeaseRenewalRequest("node-a", [new LeaseRef(id, stale.Job.FencingToken)], later.AddMinutes(1)), Ct);
        Assert.Equal(id, Assert.Single(renewal.Lost));

        var current = await b.GetAsync(id, Ct);
        Assert.Equal(JobStatus.InProcess, current!.Status);
        Assert.Equal("node-b", current.LeaseOwner);
        Assert.Null(current.Checkpoint);
        Assert.True((await b.CompleteAsync(Finished(fresh, later), null, Ct)).Accepted);
        Assert.Equal(JobStatus.Finished, (await a.GetAsync(id, Ct))!.Status);
    }

    [Fact]
    public async Task Claim_BothNodesClaimOneCategoryAtOnce_OnlyOneGetsIt()
    {
        var (a, b) = await Factory.CreatePairAsync(Ct);
        await a.InsertAsync([TestJobs.New(), TestJobs.New()], Ct);
        for (var round = 0; round < 5; round++)
        {
            var claims = await Task.WhenAll(
                Task.Run(() => a.ClaimAsync(TestJobs.Claim(owner: "node-a"), Ct)),
                Task.Run(() => b.ClaimAsync(TestJobs.Claim(owner: "node-b"), Ct)));
            var claimed = claims.SelectMany(c => c.Value).Where(c => c.Status == CategoryClaimStatus.Claimed).ToList();
            Assert.True(claimed.Count <= 1, $"round {round}: {claimed.Count} claims in one category");
            if (claimed.Count == 1)
            {
                var store = claimed[0].Job!.LeaseOwner == "node-a" ? a : b;
                Assert.True((await store.CompleteAsync(Finished(claimed[0]), null, Ct)).Accepted);
            }
        }
    }

    private static string[] Shuffle(string[] categories) => [.. categories.OrderBy(_ => Random.Shared.Next())];

    private static RunCompletion Finished(CategoryClaim claim, DateTimeOffset? now = null) => new()
    {
        JobId = claim.Job!.Id,
        FencingToken = claim.Job.FencingToken,
        LogEntryId = claim.LogEntryId,
        Now = now ?? TestJobs.T0.AddSeconds(1),
        Status = JobStatus.Finished,
        Result = JobResult.Succeeded,
        Events = [new JobCompleted(JobResult.Succeeded, JobStatus.Finished, null, null, JobCounters.Zero, null)],
    };
}
