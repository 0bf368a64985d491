using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Secrets;
using ShopSync.Testing.Postgres;

namespace ShopSync.Storage.Postgres.Tests.Connector;

/// <summary>The connector's own PostgreSQL migrations: timestamptz columns, and three nodes starting at once migrate once.</summary>
public sealed class PostgresConnectorMigrationTests
{
    [Fact]
    public async Task Migrate_ThreeNodesAtOnce_EachMigrationAppliedOnceAndTimestampsAreTimestamptz()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(nameof(PostgresConnectorMigrationTests));
        var keys = Path.Combine(Path.GetTempPath(), "shopsync-migrate-keys-" + Guid.NewGuid().ToString("N"));
        var nodes = Enumerable.Range(0, 3).Select(_ => new ServiceCollection().AddLogging()
            .AddShopSyncPostgresConnector(connectionString, new KeyRingOptions { KeysDirectory = keys })
            .BuildServiceProvider()).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(node => node.GetRequiredService<IConnectorDatabase>()
                .MigrateAsync(node.GetRequiredService<IDbContextFactory<ConnectorDbContext>>(), CancellationToken.None)));

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            Assert.Equal(2L, await ScalarAsync(connection, $"SELECT count(*) FROM \"{ConnectorDbContext.MigrationsHistoryTable}\""));
            Assert.Equal("timestamp with time zone", await ScalarAsync(connection,
                "SELECT data_type FROM information_schema.columns WHERE table_name = 'shops' AND column_name = 'CreatedAt'"));
            Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'shopify_cost_budgets'"));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
