using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopSync.Queue.Scheduling;
using ShopSync.Storage.Postgres;
using ShopSync.Storage.Postgres.Schedules;

namespace ShopSync.Storage;

/// <summary>Registers the PostgreSQL schedule store.</summary>
public static class PostgresSchedulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IScheduleStore"/> on the job queue's PostgreSQL database (its connections; own tables and
    /// migrations history <c>__schedule_migrations</c>, migrated by <see cref="IScheduleStore.InitializeAsync"/> under the
    /// advisory lock). Call after <c>AddShopSyncPostgresStore</c>. The audit record of a call that changes a schedule
    /// is appended to the queue's trail when the call ends.
    /// </summary>
    public static IServiceCollection AddShopSyncPostgresSchedules(this IServiceCollection services)
    {
        services.TryAddSingleton<IScheduleStore>(sp => new PostgresScheduleStore(sp.GetRequiredService<PostgresJobStore>().DataSource));
        return services;
    }
}
