using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Scheduling;
using ShopSync.Queue.Storage;
using ShopSync.Connector.Persistence;
using ShopSync.Server.Access.Keys;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Server.Hosting;

/// <summary>Brings every module's tables up to date before the server takes calls.</summary>
internal static partial class DatabaseStartup
{
    public static async Task MigrateShopSyncAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<StorageSelection>();
        var connectionString = storage.SqliteConnectionString;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);
        if (storage.PostgresConnectionString is { } postgres)
        {
            var target = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            LogSplitStorage(logger, $"{target.Host}:{target.Port}/{target.Database}", file);

            // PostgreSQL migrates under its own advisory lock; the guard below covers the SQLite file only.
            await services.GetRequiredService<IJobStore>().InitializeAsync(cancellationToken);
        }

        // The lock row's age is compared with the wall clock EF Core wrote it by, not the (maybe accelerated) server clock.
        using (await SqliteMigrationGuard.AcquireAsync(connectionString, TimeProvider.System, logger, cancellationToken))
        {
            if (storage.PostgresConnectionString is null)
            {
                await services.GetRequiredService<IJobStore>().InitializeAsync(cancellationToken);
            }

            await services.GetRequiredService<IScheduleStore>().InitializeAsync(cancellationToken);
            var contexts = services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await services.GetRequiredService<IApiKeyStore>().InitializeAsync(cancellationToken);
        }
    }

    [LoggerMessage(EventId = 7200, EventName = "SplitStorage", Level = LogLevel.Warning,
        Message = "The job queue is on PostgreSQL {Postgres}; the schedules, the connector's data and the Data Protection keys are not on PostgreSQL yet and stay in the SQLite file {File} (not shared with other nodes)")]
    private static partial void LogSplitStorage(ILogger logger, string postgres, string file);
}
