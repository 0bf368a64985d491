using Microsoft.Extensions.DependencyInjection;
using ShopSync.Connector;
using ShopSync.Storage.Conformance.Connector;

namespace ShopSync.Storage.Tests.Connector;

/// <summary>A fresh SQLite file per cluster (its nodes are service providers of this process on that file), in a temp folder.</summary>
public sealed class SqliteConnectorStoreFactory : IConnectorStoreFactory, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "shopsync-connector-" + Guid.NewGuid().ToString("N"));

    public SqliteConnectorStoreFactory()
    {
        Directory.CreateDirectory(_folder);
    }

    public Task<ConnectorNodes> CreateAsync(int count, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
    {
        var file = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".db");
        return ConnectorNodes.StartAsync(
            count,
            (services, keyRing) => services.AddShopSyncShops($"Data Source={file};Default Timeout=60", keyRing),
            configure,
            file + ".keys",
            null,
            cancellationToken);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by the OS is cleaned with the temp folder.
        }
    }
}
