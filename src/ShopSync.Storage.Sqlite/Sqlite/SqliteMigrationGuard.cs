using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Makes start-up migrations safe against a process that died during them. EF Core marks a running migration with a
/// row in <c>__EFMigrationsLock</c> and waits, without end, while that row exists; a kill -9 at the wrong moment
/// leaves it behind (dotnet/efcore#38958) and every later start hangs. The guard first takes an OS lock on
/// <c>&lt;database&gt;.lock</c>, held only while migrating: the OS drops it when its process dies, so once this
/// process holds it, no other ShopSync process is migrating this database, and a lock row is stale. A row younger
/// than <see cref="StaleAfter"/> may still belong to an outside tool (e.g. <c>dotnet ef database update</c>), so the
/// guard waits until it is that old, or gone, before removing it.
/// </summary>
public static partial class SqliteMigrationGuard
{
    /// <summary>The EF Core lock table (shared by every migration set in one SQLite file).</summary>
    public const string LockTable = "__EFMigrationsLock";

    /// <summary>Age past which a lock row whose owner holds no OS lock is taken as left by a dead process.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(10);

    /// <summary>How long start-up waits for another ShopSync process that is migrating the same database.</summary>
    public static readonly TimeSpan WaitForOtherMigration = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>Takes the migration lock of the database and clears a stale EF Core lock row; dispose after migrating.</summary>
    /// <exception cref="SqliteStartupException">The lock file cannot be created, or another process keeps migrating.</exception>
    public static async Task<IDisposable> AcquireAsync(string connectionString, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return NoLock.Instance;
        }

        var database = Path.GetFullPath(dataSource);
        var lockFile = await LockFileAsync(database, time, cancellationToken).ConfigureAwait(false);
        try
        {
            await ClearStaleRowAsync(connectionString, database, time, logger, cancellationToken).ConfigureAwait(false);
            return lockFile;
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    private static async Task<FileStream> LockFileAsync(string database, TimeProvider time, CancellationToken cancellationToken)
    {
        var path = database + ".lock";
        var folder = Path.GetDirectoryName(database)!;
        if (!Directory.Exists(folder))
        {
            throw new SqliteStartupException($"The database {database} cannot be opened: its folder {folder} does not exist.");
        }

        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new SqliteStartupException($"The database {database} cannot be used: its folder {folder} is not writable ({ex.Message}).", ex);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (time.GetElapsedTime(started) > WaitForOtherMigration)
                {
                    throw new SqliteStartupException(
                        $"The database {database} is being migrated by another process (it holds {path}) for over {WaitForOtherMigration.TotalSeconds:0} s.", ex);
                }
            }

            await Task.Delay(Poll, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ClearStaleRowAsync(string connectionString, string database, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (!File.Exists(database))
        {
            return;
        }

        var raw = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        await using var connection = new SqliteConnection(raw);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var taken = await ReadLockTimeAsync(connection, cancellationToken).ConfigureAwait(false);
            if (taken is null)
            {
                return;
            }

            var age = taken.Value == DateTimeOffset.MinValue ? StaleAfter : time.GetUtcNow() - taken.Value;
            if (age >= StaleAfter)
            {
                await using var delete = connection.CreateCommand();
                delete.CommandText = $"DELETE FROM \"{LockTable}\";";
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                LogStaleLockCleared(logger, database, age.TotalSeconds);
                return;
            }

            await Task.Delay(Poll, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>When the lock row was written; null without a row; MinValue when its time cannot be read.</summary>
    private static async Task<DateTimeOffset?> ReadLockTimeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{LockTable}';";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }

        command.CommandText = $"SELECT \"Timestamp\" FROM \"{LockTable}\" LIMIT 1;";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (value is null or DBNull)
        {
            return null;
        }

        return DateTimeOffset.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var taken)
            ? taken
            : DateTimeOffset.MinValue;
    }

    [LoggerMessage(EventId = 2010, EventName = "StaleMigrationLockCleared", Level = LogLevel.Warning,
        Message = "Cleared a stale EF Core migration lock in {Database} ({AgeSeconds:0} s old): the process that took it died during start-up (dotnet/efcore#38958)")]
    private static partial void LogStaleLockCleared(ILogger logger, string database, double ageSeconds);

    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();

        public void Dispose()
        {
        }
    }
}
