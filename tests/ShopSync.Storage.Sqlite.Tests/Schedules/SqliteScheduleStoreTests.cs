using Microsoft.Data.Sqlite;
using ShopSync.Storage.Schedules;
using ShopSync.Testing;

namespace ShopSync.Storage.Tests.Schedules;

/// <summary>What only the SQLite schedule store does (the contract is <c>ScheduleStoreConformanceTests</c>).</summary>
public sealed class SqliteScheduleStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new("shopsync-schedule-store");

    private string ConnectionString => $"Data Source={_folder.File("s.db")}";

    [Fact]
    public async Task Initialize_OwnHistoryTable_TablesCreated()
    {
        var store = new SqliteScheduleStore(ConnectionString);
        await store.InitializeAsync(CancellationToken.None);
        await store.InitializeAsync(CancellationToken.None);

        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)";
        var tables = (string)(await command.ExecuteScalarAsync())!;
        Assert.Contains("__schedule_migrations", tables, StringComparison.Ordinal);
        Assert.Contains("schedules", tables, StringComparison.Ordinal);
        Assert.Contains("schedule_occurrences", tables, StringComparison.Ordinal);
        Assert.DoesNotContain("__queue_migrations", tables, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
