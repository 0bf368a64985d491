using Npgsql;
using ShopSync.Storage.Postgres.Schedules;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>What only the PostgreSQL schedule store does (the contract is <c>ScheduleStoreConformanceTests</c>).</summary>
public sealed class PostgresScheduleStoreTests(PostgresScheduleStoreFactory factory) : IClassFixture<PostgresScheduleStoreFactory>
{
    [Fact]
    public async Task Initialize_ThreeNodesAtOnce_OwnHistoryMigratedOnceTimesAreTimestamptz()
    {
        var stores = Enumerable.Range(0, 3).Select(_ => factory.Open()).ToList();
        await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync(CancellationToken.None))));

        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using (var history = new NpgsqlCommand($"SELECT count(*) FROM {ScheduleSchema.HistoryTable}", connection))
        {
            Assert.Equal((long)ScheduleSchema.Migrations.Count, await history.ExecuteScalarAsync());
        }
        await using var types = new NpgsqlCommand(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name IN ('schedules', 'schedule_occurrences') " +
            "AND column_name IN ('next_occurrence', 'created_at', 'occurrence_utc')",
            connection);
        await using var reader = await types.ExecuteReaderAsync();
        var count = 0;
        while (await reader.ReadAsync())
        {
            Assert.Equal("timestamp with time zone", reader.GetString(1));
            count++;
        }
        Assert.Equal(3, count);
    }
}
