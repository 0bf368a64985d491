using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Persistence.Sqlite;
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
        var keysDirectory = keyRing?.KeysDirectory is { Length: > 0 } configured ? configured : DefaultKeysDirectory(connectionString);
        var options = new KeyRingOptions { KeysDirectory = keysDirectory, KeyEncryptionCertificate = keyRing?.KeyEncryptionCertificate };
        return services.AddShopSyncShops(new SqliteConnectorDatabase(connectionString), options);
    }

    /// <summary>
    /// Registers the shop registry and the connector database on the provider <paramref name="database"/> names (the
    /// provider's registration picks it: SQLite above, PostgreSQL in ShopSync.Storage.Postgres), with the Data Protection
    /// key ring in the owner-only folder <see cref="KeyRingOptions.KeysDirectory"/>.
    /// </summary>
    public static IServiceCollection AddShopSyncShops(this IServiceCollection services, IConnectorDatabase database, KeyRingOptions keyRing)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(keyRing);
        if (keyRing.KeysDirectory is not { Length: > 0 } keysDirectory)
        {
            throw new ArgumentException("KeyRingOptions.KeysDirectory is required (DataProtection:KeysDirectory)", nameof(keyRing));
        }

        services.AddSingleton(database);
        // EF Core interceptors registered in the container (e.g. the audit trail's) apply to the connector's contexts.
        services.AddDbContextFactory<ConnectorDbContext>((sp, o) =>
        {
            database.Configure(o);
            o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        services.AddSingleton(new OwnerOnlyXmlRepository(keysDirectory));
        var dataProtection = services.AddDataProtection().SetApplicationName("ShopSync");
        services.AddOptions<KeyManagementOptions>().Configure<OwnerOnlyXmlRepository>((o, repository) => o.XmlRepository = repository);
        if (keyRing.KeyEncryptionCertificate is { } certificate)
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
