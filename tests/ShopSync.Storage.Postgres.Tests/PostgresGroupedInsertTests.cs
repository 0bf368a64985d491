using ShopSync.Queue.Audit;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>
/// Enqueue calls written together in one transaction (the group commit of enqueues): each call gets its own entries
/// and events, and each audited call's record commits once, with its entries.
/// </summary>
public sealed class PostgresGroupedInsertTests(PostgresStoreFactory factory) : IClassFixture<PostgresStoreFactory>
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task InsertTogether_ThreeCalls_EachGetsItsEntriesAndEventsAndItsAuditRecord()
    {
        var store = (PostgresJobStore)await factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New("BUSY")], Ct);
        var running = (await store.ClaimAsync(TestJobs.Claim("BUSY"), Ct)).Value[0].Job!;
        var records = Enumerable.Range(1, 3).Select(Record).ToList();
        PgInsertWrite[] group =
        [
            new([TestJobs.New("A"), TestJobs.New("B")], records[0]),
            new([TestJobs.New("BUSY")], records[1]),
            new([TestJobs.New("C")], records[2]),
        ];

        var results = await store.InsertTogetherAsync(group, Ct);

        for (var i = 0; i < group.Length; i++)
        {
            Assert.Equal(group[i].Jobs.Select(j => j.Job.Id), results[i].Value.Select(j => j.Id));
            Assert.All(results[i].Events, e => Assert.Contains(results[i].Value, j => j.Id == e.Event.JobId));
            Assert.True(records[i].IsWritten);
        }

        // Entry numbers follow the calls' order; the entry of the busy category waits for the running one.
        var numbers = results.SelectMany(r => r.Value).Select(j => j.EntryNo).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(JobStatus.Waiting, results[1].Value[0].Status);
        Assert.Contains(results[1].Events, e => e.Event.Data is JobWaiting w && w.BlockingJobId == running.Id);
        Assert.Equal(2, results[0].Events.Count);
        Assert.All(results[0].Events, e => Assert.IsType<JobAccepted>(e.Event.Data));

        var stored = (await ((IAuditLog)store).ListAsync(new AuditQuery(), Ct)).Events;
        Assert.Equal(["call-1", "call-2", "call-3"], stored.Select(e => e.Principal).Order());
    }

    [Fact]
    public async Task InsertAsync_ManyAuditedCallsAtOnce_EveryEntryStoredAndEveryRecordOnce()
    {
        var store = (PostgresJobStore)await factory.CreateAsync(Ct);
        const int calls = 40;
        var records = Enumerable.Range(1, calls).Select(Record).ToList();

        var results = await Task.WhenAll(records.Select((record, i) => Task.Run(async () =>
        {
            using (AuditScope.Enter(record))
            {
                return await store.InsertAsync([TestJobs.New($"K{i % 7}")], Ct);
            }
        })));

        Assert.True(store.InsertsWrittenInGroups > 0, "no enqueue went through a group of more than one");
        Assert.All(records, r => Assert.True(r.IsWritten));
        var stored = (await ((IAuditLog)store).ListAsync(new AuditQuery { Limit = 100 }, Ct)).Events;
        Assert.Equal(records.Select(r => r.Principal).Order(), stored.Select(e => e.Principal).Order());
        foreach (var result in results)
        {
            var job = Assert.Single(result.Value);
            Assert.Equal(job.Id, (await store.GetAsync(job.Id, Ct))!.Id);
            Assert.Contains(result.Events, e => e.Event.JobId == job.Id && e.Event.Data is JobAccepted);
        }
    }

    private static AuditRecord Record(int call) => new()
    {
        OccurredAt = TestJobs.T0,
        Principal = $"call-{call}",
        Rpc = "shopsync.v1.JobQueue/EnqueueJob",
    };
}
