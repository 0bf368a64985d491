using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// Idempotent enqueue and the sweeps' leases. A keyed insert locks its key first (an INSERT ... ON CONFLICT DO NOTHING
/// then a SELECT ... FOR UPDATE), so two nodes retrying one request at once serialise on that row: the second finds the
/// first's entries, and nothing is queued twice.
/// </summary>
internal sealed partial class PostgresJobStore : ISweepLeases
{
    private const string ClaimKeySql =
        "INSERT INTO queue_enqueue_keys (request_id, request_hash, job_ids, created_at, expires_at) " +
        "VALUES ($1, $2, '{}'::uuid[], $3, $4) ON CONFLICT (request_id) DO NOTHING";

    private const string ReadKeySql =
        "SELECT request_hash, job_ids, expires_at, cardinality(job_ids) FROM queue_enqueue_keys WHERE request_id = $1 FOR UPDATE";

    private const string FillKeySql =
        "UPDATE queue_enqueue_keys SET request_hash = $2, job_ids = $3, created_at = $4, expires_at = $5 WHERE request_id = $1";

    private const string PurgeKeysSql =
        "DELETE FROM queue_enqueue_keys WHERE request_id IN " +
        "(SELECT request_id FROM queue_enqueue_keys WHERE expires_at <= $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)";

    private const string AcquireLeaseSql =
        "INSERT INTO queue_sweep_leases (name, holder, expires_at) VALUES ($1, $2, $3) " +
        "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at " +
        "WHERE queue_sweep_leases.expires_at <= $4 OR queue_sweep_leases.holder = excluded.holder";

    private const string ReleaseLeaseSql = "DELETE FROM queue_sweep_leases WHERE name = $1 AND holder = $2";

    public async Task<KeyedInsertResult> InsertAsync(IReadOnlyList<NewJob> jobs, EnqueueKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfZero(jobs.Count);
        var now = jobs[0].Job.CreatedAt;
        return await Write(
            async s =>
            {
                await s.Command(ClaimKeySql, key.RequestId, key.RequestHash, Pg.Utc(now), Pg.Utc(key.ExpiresAt))
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                var rows = await s.Command(ReadKeySql, key.RequestId)
                    .ListAsync(r => (Hash: (byte[])r.GetValue(0), Ids: (Guid[])r.GetValue(1), ExpiresAt: r.GetFieldValue<DateTimeOffset>(2), Count: r.GetInt32(3)), cancellationToken)
                    .ConfigureAwait(false);
                var held = rows[0];
                // A row with ids that has not expired is an earlier call's; an empty one is the row this call just took.
                if (held.Count > 0 && held.ExpiresAt > now)
                {
                    if (!held.Hash.AsSpan().SequenceEqual(key.RequestHash))
                    {
                        throw new EnqueueRequestConflictException(key.RequestId);
                    }

                    return new KeyedInsertResult(null, held.Ids);
                }

                var inserted = await PgInserts.InsertAsync(s, jobs, cancellationToken).ConfigureAwait(false);
                var ids = inserted.Value.Select(j => j.Id).ToArray();
                await s.Command(FillKeySql, key.RequestId, key.RequestHash, ids, Pg.Utc(now), Pg.Utc(key.ExpiresAt))
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
                return new KeyedInsertResult(inserted, ids);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public Task<int> PurgeEnqueueKeysAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Write(s => s.Command(PurgeKeysSql, Pg.Utc(now), limit).ExecuteAsync(cancellationToken), cancellationToken);
    }

    public async Task<bool> TryAcquireAsync(string sweep, string holder, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sweep);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        var written = await Write(
            s => s.Command(AcquireLeaseSql, sweep, holder, Pg.Utc(expiresAt), Pg.Utc(now)).ExecuteAsync(cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return written == 1;
    }

    public Task ReleaseAsync(string sweep, string holder, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sweep);
        ArgumentException.ThrowIfNullOrEmpty(holder);
        return Write(s => s.Command(ReleaseLeaseSql, sweep, holder).ExecuteAsync(cancellationToken), cancellationToken);
    }
}
