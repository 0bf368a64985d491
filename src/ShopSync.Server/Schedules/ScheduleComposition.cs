using ShopSync.Queue.Scheduling;
using ShopSync.Storage.Schedules;

namespace ShopSync.Server.Schedules;

/// <summary>Registers recurring schedules: store, manager, runner and the gRPC service.</summary>
internal static class ScheduleComposition
{
    /// <summary>Call after <c>AddShopSyncQueue</c>, so the runner stops before the dispatcher.</summary>
    public static IServiceCollection AddSchedules(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.Configure<SchedulerOptions>(configuration.GetSection(SchedulerOptions.SectionName));
        services.AddShopSyncSqliteSchedules(connectionString);
        services.AddShopSyncScheduling();
        services.AddSingleton<ScheduleRequests>();
        services.AddSingleton<ScheduleGrpcService>();
        return services;
    }
}
