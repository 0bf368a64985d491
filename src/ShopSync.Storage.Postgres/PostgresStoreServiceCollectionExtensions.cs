using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Health;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Postgres;
using ShopSync.Storage.Postgres.Feed;

namespace ShopSync.Storage;

/// <summary>Registers the PostgreSQL job store.</summary>
public static class PostgresStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IJobStore"/> and the task-health reader on PostgreSQL, this node's heartbeat and the change feed
    /// between nodes (<see cref="IQueueFeed"/>, LISTEN/NOTIFY) and the queue-wide event log (<see cref="IQueueEventLog"/>). The schema is migrated on start
    /// under an advisory lock (several nodes starting at once migrate once). Call after <c>AddShopSyncQueue</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=db;Database=shopsync;Username=shopsync</c>.</param>
    /// <param name="configure">Further settings.</param>
    public static IServiceCollection AddShopSyncPostgresStore(
        this IServiceCollection services,
        string connectionString,
        Action<PostgresStoreOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddOptions<PostgresStoreOptions>().Configure(o =>
        {
            o.ConnectionString = connectionString;
            configure?.Invoke(o);
        }).Validate(o => o.HeartbeatInterval > TimeSpan.Zero, "Storage:Postgres:HeartbeatInterval must be positive.")
            .Validate(o => o.FeedPollInterval > TimeSpan.Zero, "Storage:Postgres:FeedPollInterval must be positive.").ValidateOnStart();
        services.TryAddSingleton(sp => new PostgresJobStore(
            sp.GetRequiredService<IOptions<PostgresStoreOptions>>(),
            sp.GetRequiredService<ILogger<PostgresJobStore>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<IJobStore>(sp => sp.GetRequiredService<PostgresJobStore>());
        services.TryAddSingleton<ISweepLeases>(sp => sp.GetRequiredService<PostgresJobStore>());
        services.TryAddSingleton<ShopSync.Queue.Audit.IAuditLog>(sp => sp.GetRequiredService<PostgresJobStore>());
        services.TryAddSingleton<IQueueEventLog>(sp => sp.GetRequiredService<PostgresJobStore>());
        services.TryAddSingleton<ITaskHealthReader>(sp => new PostgresTaskHealthReader(sp.GetRequiredService<PostgresJobStore>()));
        services.TryAddSingleton(sp => new PostgresChangeFeed(
            sp.GetRequiredService<PostgresJobStore>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<PostgresChangeFeed>>()));
        services.TryAddSingleton<IQueueFeed>(sp => sp.GetRequiredService<PostgresChangeFeed>());
        services.AddSingleton<IHostedService>(sp => new PgFeedListener(
            sp.GetRequiredService<PostgresChangeFeed>(),
            sp.GetRequiredService<PostgresJobStore>(),
            sp.GetRequiredService<Queue.Dispatching.NodeIdentity>(),
            sp.GetRequiredService<IOptions<PostgresStoreOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<PgFeedListener>>()));
        services.AddSingleton<IHostedService>(sp => new PostgresNodeHeartbeat(
            sp.GetRequiredService<PostgresJobStore>(),
            sp.GetRequiredService<Queue.Dispatching.NodeIdentity>(),
            sp.GetRequiredService<IOptions<PostgresStoreOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<PostgresNodeHeartbeat>>()));
        return services;
    }
}
