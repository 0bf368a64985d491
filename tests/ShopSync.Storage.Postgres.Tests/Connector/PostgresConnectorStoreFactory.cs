using Microsoft.Extensions.DependencyInjection;
using ShopSync.Storage.Conformance.Connector;
using ShopSync.Testing.Postgres;

namespace ShopSync.Storage.Postgres.Tests.Connector;

/// <summary>A new database per cluster on the test cluster (its nodes are service providers of this process), dropped with it.</summary>
public sealed class PostgresConnectorStoreFactory : IConnectorStoreFactory, IDisposable
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "shopsync-pgkeys-" + Guid.NewGuid().ToString("N"));

    public async Task<ConnectorNodes> CreateAsync(int count, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("connector", cancellationToken);
        return await ConnectorNodes.StartAsync(
            count,
            (services, keyRing) => services.AddShopSyncPostgresConnector(connectionString, keyRing),
            configure,
            Path.Combine(_keys, Guid.NewGuid().ToString("N")),
            () => new ValueTask(TestPostgres.DropDatabaseAsync(connectionString)),
            cancellationToken);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_keys, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // No cluster was made.
        }
    }
}
