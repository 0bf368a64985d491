using ShopSync.Connector.Status;

namespace ShopSync.Server.Status;

/// <summary>Registers the sync status service (connector cues, task health, watch).</summary>
internal static class StatusComposition
{
    /// <summary>Call after <c>AddShopSyncShops</c>, <c>AddShopSyncSqliteStore</c> and the schedules.</summary>
    public static IServiceCollection AddSyncStatus(this IServiceCollection services)
    {
        services.AddConnectorStatus();
        services.AddSingleton<SyncStatusComposer>();
        services.AddSingleton<CueRecordLister>();
        services.AddSingleton<SyncStatusWatcher>();
        services.AddSingleton<SyncStatusGrpcService>();
        services.AddHostedService<TaskHealthWarmup>();
        return services;
    }
}
