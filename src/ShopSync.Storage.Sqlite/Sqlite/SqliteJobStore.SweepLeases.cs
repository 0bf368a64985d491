using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// The sweeps' leases, written on the store's single writer. The upsert's WHERE makes taking a lease one atomic
/// statement: it writes (and counts one row) only when the row is new, expired, or already the caller's. PostgreSQL
/// runs the same statement.
/// </summary>
internal sealed partial class SqliteJobStore : ISweepLeases
{
    private const string AcquireSql =
        "INSERT INTO queue_sweep_leases (name, holder, expires_at) VALUES (@p0, @p1, @p2) " +
        "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at " +
        "WHERE queue_sweep_leases.expires_at <= @p3 OR queue_sweep_leases.holder = excluded.holder";

    private const string ReleaseSql = "DELETE FROM queue_sweep_leases WHERE name = @p0 AND holder = @p1";

    public Task<bool> TryAcquireAsync(string sweep, string holder, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sweep);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        return Write(s =>
        {
            var command = s.Command(AcquireSql, 4);
            command.Parameters[0].Value = sweep;
            command.Parameters[1].Value = holder;
            command.Parameters[2].Value = TimeCodec.ToTicks(expiresAt);
            command.Parameters[3].Value = TimeCodec.ToTicks(now);
            return command.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    public Task ReleaseAsync(string sweep, string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sweep);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        return Write(s =>
        {
            var command = s.Command(ReleaseSql, 2);
            command.Parameters[0].Value = sweep;
            command.Parameters[1].Value = holder;
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }
}
