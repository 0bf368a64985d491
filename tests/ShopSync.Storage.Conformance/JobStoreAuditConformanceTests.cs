using ShopSync.Queue.Audit;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Conformance;

/// <summary>
/// The audit part of the store contract: inside an audited call the call's record commits in the transaction of its
/// first write, once, and not at all with a write that rolls back. Every driver derives a class from this one.
/// </summary>
public abstract class JobStoreAuditConformanceTests
{
    private static CancellationToken Ct => CancellationToken.None;

    protected abstract IStoreFactory Factory { get; }

    [Fact]
    public async Task Insert_InsideAnAuditedCall_RecordCommitsOnceWithTheFirstWrite()
    {
        var store = await Factory.CreateAsync(Ct);
        var record = Record();

        using (AuditScope.Enter(record))
        {
            await store.InsertAsync([TestJobs.New(category: "A")], Ct);
            Assert.True(record.IsWritten);
            await store.InsertAsync([TestJobs.New(category: "B")], Ct);
        }

        var stored = Assert.Single(await ListAsync(store));
        Assert.Equal(AuditOutcome.Succeeded, stored.Outcome);
        Assert.Equal("shopsync.v1.Test/Change", stored.Rpc);
        Assert.Equal("ops@example", stored.Principal);
        Assert.Equal("ipv4:127.0.0.1:1", stored.Peer);
    }

    [Fact]
    public async Task Insert_RolledBackThenCommitted_RecordOnlyWithTheCommittedChange()
    {
        var store = await Factory.CreateAsync(Ct);
        var job = TestJobs.New(category: "A");
        await store.InsertAsync([job], Ct);
        var record = Record();

        using (AuditScope.Enter(record))
        {
            // The same id again: the primary key refuses it and the transaction rolls back with its record.
            await Assert.ThrowsAnyAsync<Exception>(() => store.InsertAsync([TestJobs.New(category: "B"), job], Ct));
            Assert.False(record.IsWritten);
            Assert.Empty(await ListAsync(store));

            await store.InsertAsync([TestJobs.New(category: "C")], Ct);
        }

        Assert.True(record.IsWritten);
        Assert.Single(await ListAsync(store));
    }

    [Fact]
    public async Task Insert_OutsideAnAuditedCallOrAfterItClosed_WritesNoRecord()
    {
        var store = await Factory.CreateAsync(Ct);
        var record = Record();
        await store.InsertAsync([TestJobs.New(category: "A")], Ct);

        using (AuditScope.Enter(record))
        {
            record.Close();
            await store.InsertAsync([TestJobs.New(category: "B")], Ct);
        }

        Assert.False(record.IsWritten);
        Assert.Empty(await ListAsync(store));
    }

    [Fact]
    public async Task Complete_InsideAnAuditedCall_RecordCommitsWithTheRunEnd()
    {
        var store = await Factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New(category: "A"), TestJobs.New(category: "A")], Ct);
        var claim = (await store.ClaimAsync(TestJobs.Claim("A"), Ct)).Value[0];
        var record = Record();
        var end = new RunCompletion
        {
            JobId = claim.Job!.Id,
            FencingToken = claim.Job.FencingToken,
            LogEntryId = claim.LogEntryId,
            Now = TestJobs.T0.AddSeconds(1),
            Status = JobStatus.Finished,
            Result = JobResult.Succeeded,
            Events = [new JobCompleted(JobResult.Succeeded, JobStatus.Finished, null, null, JobCounters.Zero, null)],
        };

        CompletionResult result;
        using (AuditScope.Enter(record))
        {
            result = await store.CompleteAsync(end, TestJobs.Claim("A", now: TestJobs.T0.AddSeconds(1)), Ct);
        }

        Assert.True(result.Accepted);
        Assert.Equal(CategoryClaimStatus.Claimed, result.Next!.Status);
        Assert.True(record.IsWritten);
        Assert.Equal("shopsync.v1.Test/Change", Assert.Single(await ListAsync(store)).Rpc);
    }

    private static async Task<IReadOnlyList<AuditEvent>> ListAsync(IJobStore store)
    {
        var log = Assert.IsAssignableFrom<IAuditLog>(store);
        return (await log.ListAsync(new AuditQuery(), Ct)).Events;
    }

    private static AuditRecord Record() => new()
    {
        OccurredAt = TestJobs.T0,
        Principal = "ops@example",
        Rpc = "shopsync.v1.Test/Change",
        Peer = "ipv4:127.0.0.1:1",
    };
}
