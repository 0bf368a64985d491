using ShopSync.Queue.Scheduling;
using ShopSync.Server.Hosting;
using ShopSync.Storage.Schedules;

namespace ShopSync.Server.Schedules;

/// <summary>Registers recurring schedules: store, manager, runner and the gRPC service.</summary>
internal static class ScheduleComposition
{
    /// <summary>Call after <c>AddShopSyncQueue</c>, so the runner stops before the dispatcher.</summary>
    public static IServiceCollection AddSchedules(this IServiceCollection services, IConfiguration configuration, StorageSelection storage)
    {
        services.Configure<SchedulerOptions>(configuration.GetSection(SchedulerOptions.SectionName));
        // The audit trail lives with the job queue: in this file on SQLite, in PostgreSQL with --postgres.
        services.AddShopSyncSqliteSchedules(storage.SqliteConnectionString, writesAudit: storage.PostgresConnectionString is null);
        services.AddShopSyncScheduling();
        services.AddSingleton<ScheduleRequests>();
        services.AddSingleton<ScheduleGrpcService>();
        return services;
    }
}
