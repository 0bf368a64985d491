using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Scheduling;
using ShopSync.Queue.Storage;
using ShopSync.Connector.Persistence;
using ShopSync.Connector.Secrets;
using ShopSync.Server.Access.Keys;
using ShopSync.Storage.Sqlite;

namespace ShopSync.Server.Hosting;

/// <summary>Brings every module's tables up to date before the server takes calls.</summary>
internal static partial class DatabaseStartup
{
    public static async Task MigrateShopSyncAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<StorageSelection>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);
        if (storage.PostgresConnectionString is { } postgres)
        {
            // Every table is on PostgreSQL, each module's under the advisory lock; no SQLite file is opened.
            var target = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
            LogOnPostgres(logger, $"{target.Host}:{target.Port}/{target.Database}");
            await services.MigratePostgresSharedStateAsync(cancellationToken);
            return;
        }

        var connectionString = storage.SqliteConnectionString;
        SecureFiles(connectionString, services.GetRequiredService<OwnerOnlyXmlRepository>().Directory);
        // The lock row's age is compared with the wall clock EF Core wrote it by, not the (maybe accelerated) server clock.
        using (await SqliteMigrationGuard.AcquireAsync(connectionString, TimeProvider.System, logger, cancellationToken))
        {
            await services.GetRequiredService<IJobStore>().InitializeAsync(cancellationToken);
            await services.GetRequiredService<IScheduleStore>().InitializeAsync(cancellationToken);
            await services.GetRequiredService<IConnectorDatabase>().MigrateAsync(
                services.GetRequiredService<IDbContextFactory<ConnectorDbContext>>(), cancellationToken);
            await services.GetRequiredService<IApiKeyStore>().InitializeAsync(cancellationToken);
            await services.MoveKeyRingOutOfDatabaseAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The database file is created owner-only before SQLite opens it (its -wal and -shm files take its mode), an
    /// existing one is narrowed to 0600, and the key folder is 0700.
    /// </summary>
    private static void SecureFiles(string connectionString, string keysDirectory)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        if (file.Length > 0 && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(file);
            if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"The database folder {folder} does not exist (--db {file})");
            }
            try
            {
                OwnerOnlyFiles.EnsureFile(path);
            }
            catch (UnauthorizedAccessException)
            {
                throw new IOException($"The database folder {Path.GetDirectoryName(path)} is not writable (--db {file})");
            }
            OwnerOnlyFiles.Narrow(path + "-wal");
            OwnerOnlyFiles.Narrow(path + "-shm");
        }
        OwnerOnlyFiles.EnsureDirectory(keysDirectory);
    }

    [LoggerMessage(EventId = 7210, EventName = "OnPostgres", Level = LogLevel.Information,
        Message = "ShopSync's data is on PostgreSQL {Postgres}: the job queue, the schedules, the connector's data, the API keys and the Data Protection key ring")]
    private static partial void LogOnPostgres(ILogger logger, string postgres);
}
