using ShopSync.Queue.Scheduling;
using ShopSync.Server.Hosting;
using ShopSync.Storage;
using ShopSync.Storage.Schedules;

namespace ShopSync.Server.Schedules;

/// <summary>Registers recurring schedules: store, manager, runner and the gRPC service.</summary>
internal static class ScheduleComposition
{
    /// <summary>Call after <c>AddShopSyncQueue</c>, so the runner stops before the dispatcher.</summary>
    public static IServiceCollection AddSchedules(this IServiceCollection services, IConfiguration configuration, StorageSelection storage)
    {
        services.Configure<SchedulerOptions>(configuration.GetSection(SchedulerOptions.SectionName));
        // With the job queue: in the SQLite file (whose audit trail a schedule change writes in its own transaction), or
        // in PostgreSQL with --postgres, shared by every node (the call's audit record is appended when it ends).
        if (storage.PostgresConnectionString is null)
        {
            services.AddShopSyncSqliteSchedules(storage.SqliteConnectionString);
        }
        else
        {
            services.AddShopSyncPostgresSchedules();
        }
        services.AddShopSyncScheduling();
        services.AddSingleton<ScheduleRequests>();
        services.AddSingleton<ScheduleGrpcService>();
        return services;
    }
}
