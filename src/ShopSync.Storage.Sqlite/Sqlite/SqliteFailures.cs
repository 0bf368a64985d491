using Microsoft.Data.Sqlite;
using ShopSync.Queue.Errors;
using SQLitePCL;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// SQLite's error codes as the engine's <see cref="StorageUnavailableException"/>: the one place that knows which
/// provider errors mean "the database cannot be used right now" rather than a bug.
/// </summary>
public static class SqliteFailures
{
    /// <summary>The typed error for <paramref name="exception"/>, or null when it is not a storage condition.</summary>
    /// <param name="exception">An exception from Microsoft.Data.Sqlite (possibly wrapped, e.g. by EF Core).</param>
    /// <param name="dataSource">The database file, named in the message.</param>
    /// <param name="busyTimeoutSeconds">The busy timeout that expired, for the Busy message.</param>
    public static StorageUnavailableException? Translate(Exception exception, string dataSource, int busyTimeoutSeconds)
    {
        var sqlite = Find(exception);
        if (sqlite is null)
        {
            return null;
        }

        var file = string.IsNullOrEmpty(dataSource) ? "(in memory)" : dataSource;
        return sqlite.SqliteErrorCode switch
        {
            raw.SQLITE_BUSY or raw.SQLITE_LOCKED => new StorageUnavailableException(
                StorageFailureReason.Busy,
                $"The database {file} is locked by another process (still locked after the busy timeout of {busyTimeoutSeconds} s); try again once it is free.",
                sqlite),
            raw.SQLITE_FULL => new StorageUnavailableException(
                StorageFailureReason.DiskFull, $"The disk holding the database {file} is full; nothing was written. Free space and try again.", sqlite),
            raw.SQLITE_IOERR => new StorageUnavailableException(
                StorageFailureReason.IoError, $"Reading or writing the database {file} failed with an I/O error ({Short(sqlite)}).", sqlite),
            raw.SQLITE_READONLY or raw.SQLITE_PERM => new StorageUnavailableException(
                StorageFailureReason.ReadOnly, $"The database {file} cannot be written: the file or its folder is read-only ({Short(sqlite)}).", sqlite),
            raw.SQLITE_CANTOPEN => new StorageUnavailableException(
                StorageFailureReason.CannotOpen, $"The database {file} cannot be opened or created: check that its folder exists and is writable ({Short(sqlite)}).", sqlite),
            raw.SQLITE_NOTADB or raw.SQLITE_CORRUPT => new StorageUnavailableException(
                StorageFailureReason.Corrupt, $"The file {file} is not a ShopSync database or is malformed ({Short(sqlite)}).", sqlite),
            _ => null,
        };
    }

    private static SqliteException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite)
            {
                return sqlite;
            }
        }

        return null;
    }

    /// <summary>SQLite's own sentence without Microsoft.Data.Sqlite's "SQLite Error N:" prefix.</summary>
    private static string Short(SqliteException exception)
    {
        var message = exception.Message;
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var text = colon >= 0 && message.StartsWith("SQLite Error", StringComparison.Ordinal) ? message[(colon + 2)..] : message;
        return text.TrimEnd('.');
    }
}
