using System.Net.Sockets;
using Npgsql;
using ShopSync.Queue.Errors;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// PostgreSQL errors that mean "the database cannot be used right now" as the engine's
/// <see cref="StorageUnavailableException"/>; a constraint or a bug stays what it is.
/// </summary>
internal static class PostgresFailures
{
    public static StorageUnavailableException? Translate(Exception exception, string connectionString)
    {
        var where = Describe(connectionString);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState == PostgresErrorCodes.DiskFull:
                    return new StorageUnavailableException(StorageFailureReason.DiskFull, $"The disk of the PostgreSQL server {where} is full; nothing was written.", pg);
                case PostgresException pg when pg.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction:
                    return new StorageUnavailableException(StorageFailureReason.ReadOnly, $"The PostgreSQL server {where} is read-only (a standby?); nothing was written.", pg);
                case PostgresException pg when pg.SqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow
                    or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.LockNotAvailable:
                    return new StorageUnavailableException(StorageFailureReason.Busy, $"The PostgreSQL server {where} cannot take the call now ({pg.MessageText}); try again.", pg);
                case PostgresException pg when pg.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification
                    or PostgresErrorCodes.InvalidCatalogName:
                    return new StorageUnavailableException(StorageFailureReason.CannotOpen, $"The PostgreSQL database {where} cannot be opened: {pg.MessageText}.", pg);
                case PostgresException:
                    return null;
                case SocketException or TimeoutException:
                    return new StorageUnavailableException(StorageFailureReason.CannotOpen, $"The PostgreSQL server {where} cannot be reached ({e.Message}).", exception);
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return new StorageUnavailableException(StorageFailureReason.IoError, $"The connection to the PostgreSQL server {where} failed ({npgsql.Message}).", npgsql);
            }
        }

        return null;
    }

    /// <summary>host:port/database, never the password.</summary>
    private static string Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }
}
