using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopSync.Queue.Scheduling;

namespace ShopSync.Storage.Schedules;

/// <summary>Registers the SQLite schedule store.</summary>
public static class SqliteSchedulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IScheduleStore"/> on SQLite (the queue's database file; own tables and migrations history
    /// <c>__schedule_migrations</c>, migrated by <see cref="IScheduleStore.InitializeAsync"/>). Pass
    /// <paramref name="writesAudit"/> false when the audit trail is in another database (the job queue on PostgreSQL):
    /// the call's record is then appended there when the call ends.
    /// </summary>
    public static IServiceCollection AddShopSyncSqliteSchedules(this IServiceCollection services, string connectionString, bool writesAudit = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton<IScheduleStore>(new SqliteScheduleStore(connectionString, writesAudit));
        return services;
    }
}
