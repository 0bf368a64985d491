using ShopSync.Connector;
using ShopSync.Connector.Secrets;
using ShopSync.Storage;

namespace ShopSync.Server.Hosting;

/// <summary>
/// The connector's persistence on the provider the selection names: the SQLite file (the default), or with
/// <c>--postgres</c> the PostgreSQL database the job queue is on, with the Shopify cost budgets shared by every node.
/// </summary>
internal static class ConnectorStoreComposition
{
    public static IServiceCollection AddConnectorStore(this IServiceCollection services, StorageSelection storage, KeyRingOptions keyRing) =>
        storage.PostgresConnectionString is { } postgres
            ? services.AddShopSyncPostgresConnector(postgres, keyRing)
            : services.AddShopSyncShops(storage.SqliteConnectionString, keyRing);
}
