using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Status;
using ShopSync.Queue.Storage;
using ShopSync.Testing;

namespace ShopSync.Connector.Tests.Status;

/// <summary>The connector database on a real SQLite file, migrated, with the status services and raw SQL seeding.</summary>
internal sealed class StatusFixture : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private readonly ServiceProvider _services;

    private StatusFixture(TempDirectory dir)
    {
        _dir = dir;
        ConnectionString = $"Data Source={dir.File("shopsync.db")}";
        _services = new ServiceCollection().AddLogging().AddShopSyncShops(ConnectionString).AddConnectorStatus().BuildServiceProvider();
    }

    public string ConnectionString { get; }

    public ConnectorCueCounter Counter => _services.GetRequiredService<ConnectorCueCounter>();

    public ConnectorCueRecords Records => _services.GetRequiredService<ConnectorCueRecords>();

    public CueThresholdStore Thresholds => _services.GetRequiredService<CueThresholdStore>();

    public IShopRegistry Shops => _services.GetRequiredService<IShopRegistry>();

    public static async Task<StatusFixture> CreateAsync()
    {
        var fixture = new StatusFixture(new TempDirectory("status"));
        await using var db = await fixture._services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>().CreateDbContextAsync();
        await ProcessMigrationLock.RunAsync(() => db.Database.MigrateAsync(), CancellationToken.None);
        return fixture;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
