using Npgsql;
using ShopSync.Storage.Postgres.Migrations;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>Migrations at start under the advisory lock: nodes starting at once migrate once.</summary>
public sealed class PostgresMigrationTests(PostgresStoreFactory factory) : IClassFixture<PostgresStoreFactory>
{
    [Fact]
    public async Task Initialize_ThreeNodesStartingAtOnce_MigrateOnceAndAllWork()
    {
        var stores = Enumerable.Range(0, 3).Select(_ => factory.Open(useDatabaseClock: true)).ToList();
        await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(CancellationToken.None))));

        await using var connection = await stores[0].DataSource.OpenConnectionAsync();
        await using var history = new NpgsqlCommand("SELECT version FROM __queue_migrations ORDER BY version", connection);
        var versions = new List<int>();
        await using (var reader = await history.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                versions.Add(reader.GetInt32(0));
            }
        }

        Assert.Equal(QueueSchema.Migrations.Select(m => m.Version), versions);
        foreach (var store in stores)
        {
            Assert.Empty(await store.FindQueuedCategoriesAsync(CancellationToken.None));
        }
    }

    [Fact]
    public async Task Migrate_AgainOnAMigratedDatabase_AppliesNothing()
    {
        var store = factory.Open(useDatabaseClock: true);
        await store.InitializeAsync(CancellationToken.None);
        Assert.Equal(0, await PostgresMigrator.MigrateAsync(store.DataSource, CancellationToken.None));
    }
}
