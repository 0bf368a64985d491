using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopSync.Connector;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Shops;
using ShopSync.Queue.Storage;
using ShopSync.Testing;

namespace ShopSync.Connector.Tests.Shops;

/// <summary>A shop registry on a real SQLite file, migrated as the server does.</summary>
internal sealed class ShopRegistryFixture : IAsyncDisposable
{
    private readonly TempDirectory _dir;
    private readonly ServiceProvider _services;

    private ShopRegistryFixture(TempDirectory dir)
    {
        _dir = dir;
        DatabaseFile = dir.File("shopsync.db");
        _services = new ServiceCollection()
            .AddLogging()
            .AddShopSyncShops($"Data Source={DatabaseFile}")
            .BuildServiceProvider();
    }

    public string DatabaseFile { get; }

    public IShopRegistry Registry => _services.GetRequiredService<IShopRegistry>();

    public IShopSecrets Secrets => _services.GetRequiredService<IShopSecrets>();

    public static async Task<ShopRegistryFixture> CreateAsync()
    {
        var fixture = new ShopRegistryFixture(new TempDirectory("shops"));
        var contexts = fixture._services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        await ProcessMigrationLock.RunAsync(() => db.Database.MigrateAsync(), CancellationToken.None);
        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
