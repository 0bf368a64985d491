using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Webhooks;

namespace ShopSync.Connector;

public static class ShopsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shop registry and the connector database on SQLite, with Data Protection keys kept
    /// in that database (so encrypted secrets survive restarts and are shared by every node of one database).
    /// </summary>
    public static IServiceCollection AddShopSyncShops(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<ConnectorDbContext>(o => o.UseSqlite(
            connectionString,
            sqlite => sqlite.MigrationsHistoryTable(ConnectorDbContext.MigrationsHistoryTable)));
        services.AddDataProtection()
            .SetApplicationName("ShopSync")
            .PersistKeysToDbContext<ConnectorDbContext>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ShopRegistry>();
        services.AddSingleton<IShopRegistry>(sp => sp.GetRequiredService<ShopRegistry>());
        services.AddSingleton<IShopSecrets>(sp => sp.GetRequiredService<ShopRegistry>());
        services.AddSingleton<WebhookReceiver>();
        return services;
    }
}
