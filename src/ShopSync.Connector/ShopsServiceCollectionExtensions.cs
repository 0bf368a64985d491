using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Secrets;
using ShopSync.Connector.Shops;
using ShopSync.Connector.Webhooks;

namespace ShopSync.Connector;

public static class ShopsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the shop registry and the connector database on SQLite, with the Data Protection key ring in an
    /// owner-only key folder apart from the database (default <c>&lt;database&gt;.keys</c>), optionally encrypted
    /// with a certificate. A copy of the database alone decrypts no secret.
    /// </summary>
    public static IServiceCollection AddShopSyncShops(this IServiceCollection services, string connectionString, KeyRingOptions? keyRing = null)
    {
        // EF Core interceptors registered in the container (e.g. the audit trail's) apply to the connector's contexts.
        services.AddDbContextFactory<ConnectorDbContext>((sp, o) => o.UseSqlite(
                connectionString,
                sqlite => sqlite.MigrationsHistoryTable(ConnectorDbContext.MigrationsHistoryTable))
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        var keysDirectory = keyRing?.KeysDirectory is { Length: > 0 } configured ? configured : DefaultKeysDirectory(connectionString);
        services.AddSingleton(new OwnerOnlyXmlRepository(keysDirectory));
        var dataProtection = services.AddDataProtection().SetApplicationName("ShopSync");
        services.AddOptions<KeyManagementOptions>().Configure<OwnerOnlyXmlRepository>((o, repository) => o.XmlRepository = repository);
        if (keyRing?.KeyEncryptionCertificate is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ShopRegistry>();
        services.AddSingleton<IShopRegistry>(sp => sp.GetRequiredService<ShopRegistry>());
        services.AddSingleton<IShopSecrets>(sp => sp.GetRequiredService<ShopRegistry>());
        services.AddSingleton<WebhookReceiver>();
        return services;
    }

    /// <summary><c>&lt;database file&gt;.keys</c>, next to the database.</summary>
    public static string DefaultKeysDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            throw new ArgumentException("an in-memory database needs DataProtection:KeysDirectory for its key ring", nameof(connectionString));
        }
        return Path.GetFullPath(file) + ".keys";
    }
}
