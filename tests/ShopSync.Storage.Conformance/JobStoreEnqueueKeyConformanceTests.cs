using ShopSync.Queue.Errors;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Conformance;

/// <summary>
/// The idempotency-key part of the <see cref="IJobStore"/> contract (keyed <c>InsertAsync</c>,
/// <c>PurgeEnqueueKeysAsync</c>); every driver derives a class from this one, like <see cref="JobStoreConformanceTests"/>.
/// </summary>
public abstract class JobStoreEnqueueKeyConformanceTests
{
    private static readonly byte[] HashA = [1, 2, 3];
    private static readonly byte[] HashB = [4, 5, 6];

    private static CancellationToken Ct => CancellationToken.None;

    protected abstract IStoreFactory Factory { get; }

    [Fact]
    public async Task InsertKeyed_SameKeyAndHashTwice_SecondInsertsNothingAndReturnsTheFirstIds()
    {
        var store = await Factory.CreateAsync(Ct);
        var key = Key("0b6f8c1e-8b5d-4c1e-9a57-2f6d8e0b7c41", HashA, TestJobs.T0.AddHours(24));

        var first = await store.InsertAsync([TestJobs.New("A"), TestJobs.New("B")], key, Ct);
        var second = await store.InsertAsync([TestJobs.New("A"), TestJobs.New("B")], key, Ct);

        Assert.False(first.Replayed);
        Assert.NotNull(first.Inserted);
        Assert.Equal(first.Inserted.Value.Select(j => j.Id), first.JobIds);
        Assert.True(second.Replayed);
        Assert.Equal(first.JobIds, second.JobIds);
        var listed = await store.ListAsync(new Queue.Controls.JobQuery { PageSize = 10 }, Ct);
        Assert.Equal(2, listed.Jobs.Count);
    }

    [Fact]
    public async Task InsertKeyed_SameKeyOtherHash_ConflictAndNothingInserted()
    {
        var store = await Factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New("A")], Key("1b6f8c1e-8b5d-4c1e-9a57-2f6d8e0b7c41", HashA, TestJobs.T0.AddHours(24)), Ct);

        var error = await Assert.ThrowsAsync<EnqueueRequestConflictException>(
            () => store.InsertAsync([TestJobs.New("B")], Key("1b6f8c1e-8b5d-4c1e-9a57-2f6d8e0b7c41", HashB, TestJobs.T0.AddHours(24)), Ct));

        Assert.Equal("1b6f8c1e-8b5d-4c1e-9a57-2f6d8e0b7c41", error.RequestId);
        var listed = await store.ListAsync(new Queue.Controls.JobQuery { PageSize = 10 }, Ct);
        Assert.Single(listed.Jobs);
    }

    [Fact]
    public async Task InsertKeyed_KeyExpired_InsertsAgain()
    {
        var store = await Factory.CreateAsync(Ct);
        var expired = Key("2b6f8c1e-8b5d-4c1e-9a57-2f6d8e0b7c41", HashA, TestJobs.T0.AddSeconds(-1));
        var first = await store.InsertAsync([TestJobs.New("A")], expired, Ct);

        var second = await store.InsertAsync([TestJobs.New("A")], expired with { ExpiresAt = TestJobs.T0.AddHours(1) }, Ct);

        Assert.False(second.Replayed);
        Assert.NotEqual(first.JobIds, second.JobIds);
    }

    [Fact]
    public async Task PurgeEnqueueKeys_ExpiredAndLive_DeletesOnlyTheExpired()
    {
        var store = await Factory.CreateAsync(Ct);
        var live = Key("3b6f8c1e-8b5d-4c1e-9a57-2f6d8e0b7c41", HashA, TestJobs.T0.AddHours(24));
        await store.InsertAsync([TestJobs.New("A")], Key("4b6f8c1e-8b5d-4c1e-9a57-2f6d8e0b7c41", HashA, TestJobs.T0.AddHours(1)), Ct);
        var kept = await store.InsertAsync([TestJobs.New("B")], live, Ct);

        var deleted = await store.PurgeEnqueueKeysAsync(TestJobs.T0.AddHours(2), 100, Ct);

        Assert.Equal(1, deleted);
        Assert.Equal(0, await store.PurgeEnqueueKeysAsync(TestJobs.T0.AddHours(2), 100, Ct));
        var again = await store.InsertAsync([TestJobs.New("B")], live, Ct);
        Assert.True(again.Replayed);
        Assert.Equal(kept.JobIds, again.JobIds);
    }

    private static EnqueueKey Key(string id, byte[] hash, DateTimeOffset expiresAt) => new(id, hash, expiresAt);
}
