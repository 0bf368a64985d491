using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopSync.Server.Access.Keys;
using ShopSync.Storage;

namespace ShopSync.Server.Hosting;

/// <summary>
/// With <c>--postgres</c>, what several nodes must share moves from the SQLite file into PostgreSQL: the API keys
/// (a key created through one node authenticates on all) and the Data Protection key ring (a secret encrypted on one
/// node decrypts on all). The schedules are chosen by <c>AddSchedules</c>. Call last: it replaces the SQLite
/// registrations made before it.
/// </summary>
internal static class PostgresComposition
{
    public static IServiceCollection AddPostgresSharedState(this IServiceCollection services, StorageSelection storage)
    {
        if (storage.PostgresConnectionString is null)
        {
            return services;
        }
        services.Replace(ServiceDescriptor.Singleton<IApiKeyStore>(sp => new PostgresApiKeyStore(sp.GetShopSyncPostgresDataSource())));
        services.AddShopSyncPostgresKeyRing();
        return services;
    }
}
