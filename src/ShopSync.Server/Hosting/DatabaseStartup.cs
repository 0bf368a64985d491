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
        var connectionString = storage.SqliteConnectionString;
        SecureFiles(connectionString, services.GetRequiredService<OwnerOnlyXmlRepository>().Directory);
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
            else
            {
                // The SQLite job store would set WAL; without it the file's readers and writers lock each other out.
                await UseWriteAheadLogAsync(connectionString, cancellationToken);
            }

            await services.GetRequiredService<IScheduleStore>().InitializeAsync(cancellationToken);
            // On PostgreSQL under the advisory lock of the queue's migrations (three nodes starting at once migrate once).
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

    private static async Task UseWriteAheadLogAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 7210, EventName = "SplitStorage", Level = LogLevel.Warning,
        Message = "The job queue is on PostgreSQL {Postgres}; so is the connector's data; the schedules and the Data Protection keys are not on PostgreSQL yet and stay in the SQLite file {File} (not shared with other nodes)")]
    private static partial void LogSplitStorage(ILogger logger, string postgres, string file);
}
