using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Audit;
using ShopSync.Queue.Health;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Audit;
using ShopSync.Storage.Health;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Storage;

/// <summary>Registers the SQLite job store.</summary>
public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IJobStore"/> on SQLite (WAL). The schema is created by migrations on start.</summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">E.g. <c>Data Source=shopsync.db</c> (configuration <c>ConnectionStrings:ShopSync</c>).</param>
    /// <param name="configure">Further settings (synchronous mode, batch size), validated at start (out-of-range values stop the host).</param>
    public static IServiceCollection AddShopSyncSqliteStore(
        this IServiceCollection services,
        string connectionString,
        Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddOptions<SqliteStoreOptions>().Configure(o =>
        {
            o.ConnectionString = connectionString;
            configure?.Invoke(o);
        }).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        services.TryAddSingleton<JobLogPurges>();
        services.TryAddSingleton(sp => new SqliteJobStore(
            sp.GetRequiredService<IOptions<SqliteStoreOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SqliteJobStore>>(),
            sp.GetRequiredService<JobLogPurges>()));
        services.TryAddSingleton<IJobStore>(sp => sp.GetRequiredService<SqliteJobStore>());
        services.TryAddSingleton<ISweepLeases>(sp => sp.GetRequiredService<SqliteJobStore>());
        services.TryAddSingleton<IAuditLog>(sp => sp.GetRequiredService<SqliteJobStore>());
        // The connector's contexts take the interceptors registered here (the connector does not reference this project).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(AuditDbInterceptor.Instance));
        services.TryAddSingleton<ITaskHealthReader>(sp => new SqliteTaskHealthReader(
            sp.GetRequiredService<IOptions<SqliteStoreOptions>>(),
            sp.GetRequiredService<JobLogPurges>()));
        return services;
    }
}
