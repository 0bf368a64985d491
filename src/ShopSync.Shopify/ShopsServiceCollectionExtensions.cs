using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopSync.Shopify.Persistence;
using ShopSync.Shopify.Shops;
using ShopSync.Shopify.Webhooks;

namespace ShopSync.Shopify;

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
