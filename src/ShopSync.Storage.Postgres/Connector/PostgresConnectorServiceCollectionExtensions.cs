using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopSync.Connector;
using ShopSync.Connector.Secrets;
using ShopSync.Shopify.Client;
using ShopSync.Storage.Postgres.Connector;

namespace ShopSync.Storage;

/// <summary>Registers the connector's persistence on PostgreSQL.</summary>
public static class PostgresConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shop registry and the connector database on PostgreSQL (<see cref="PostgresConnectorDatabase"/>:
    /// timestamptz, its own migrations run at start under the advisory lock, cross-node locks), and the Shopify cost
    /// budgets shared by every node on the database (<see cref="PostgresShopifyCostBudgetStore"/>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="keyRing">Where the Data Protection key ring lives (<see cref="KeyRingOptions.KeysDirectory"/> required).</param>
    public static IServiceCollection AddShopSyncPostgresConnector(this IServiceCollection services, string connectionString, KeyRingOptions keyRing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddShopSyncShops(new PostgresConnectorDatabase(connectionString), keyRing);
        services.AddSingleton<IShopifyCostBudgetStore>(sp => new PostgresShopifyCostBudgetStore(
            connectionString, sp.GetRequiredService<ILogger<PostgresShopifyCostBudgetStore>>()));
        return services;
    }
}
