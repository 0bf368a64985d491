using Npgsql;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>The default lease clock: the database's, whatever the callers' clocks say.</summary>
public sealed class PostgresDatabaseClockTests(PostgresStoreFactory factory) : IClassFixture<PostgresStoreFactory>
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Claim_CallerClockFarOff_LeaseRunsOnTheDatabaseClock()
    {
        await factory.CreateAsync(Ct);
        var store = factory.Open(useDatabaseClock: true);
        await store.InsertAsync([TestJobs.New()], Ct);
        var before = await DatabaseNowAsync(store);

        // The caller's clock is years behind: the lease is its duration (20 s) from the database's now.
        var job = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value[0].Job!;
        var after = await DatabaseNowAsync(store);
        Assert.InRange(job.LeaseExpiresAt!.Value, before.AddSeconds(20), after.AddSeconds(20));

        // A node whose clock runs far ahead does not see the lease as lapsed: the database's clock decides.
        Assert.Empty(await store.FindExpiredLeasesAsync(TestJobs.T0.AddYears(50), 10, Ct));
    }

    [Fact]
    public async Task Renew_OnTheDatabaseClock_ExtendsFromTheDatabaseNow()
    {
        await factory.CreateAsync(Ct);
        var store = factory.Open(useDatabaseClock: true);
        await store.InsertAsync([TestJobs.New()], Ct);
        var job = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value[0].Job!;
        var before = await DatabaseNowAsync(store);
        var renewal = await store.RenewLeasesAsync(
            new LeaseRenewalRequest("node-a", [new LeaseRef(job.Id, job.FencingToken)], TimeProvider.System.GetUtcNow().AddMinutes(5)), Ct);
        Assert.Empty(renewal.Lost);
        var renewed = await store.GetAsync(job.Id, Ct);
        Assert.True(renewed!.LeaseExpiresAt > before.AddMinutes(4), $"lease {renewed.LeaseExpiresAt:O}, database now {before:O}");
    }

    private static async Task<DateTimeOffset> DatabaseNowAsync(PostgresJobStore store)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT clock_timestamp()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.GetFieldValue<DateTimeOffset>(0);
    }
}
