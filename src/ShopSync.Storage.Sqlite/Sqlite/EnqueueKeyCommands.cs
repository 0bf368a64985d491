using Microsoft.Data.Sqlite;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// The idempotency keys of keyed enqueues (<c>queue_enqueue_keys</c>). The key is read and written by the single writer
/// in the entries' own transaction: two calls with one id cannot both insert, and a key is never stored without its entries.
/// </summary>
internal static class EnqueueKeyCommands
{
    private const string FindSql = "SELECT request_hash, job_ids, expires_at FROM queue_enqueue_keys WHERE request_id = @p0";
    private const string DeleteSql = "DELETE FROM queue_enqueue_keys WHERE request_id = @p0";
    private const string InsertSql =
        "INSERT INTO queue_enqueue_keys (request_id, request_hash, job_ids, created_at, expires_at) VALUES (@p0, @p1, @p2, @p3, @p4)";
    private const string PurgeSql =
        "DELETE FROM queue_enqueue_keys WHERE request_id IN (SELECT request_id FROM queue_enqueue_keys WHERE expires_at <= @p0 LIMIT @p1)";

    /// <summary>The first call's ids when the key holds this request; null when the key is free (or expired, then removed).</summary>
    public static IReadOnlyList<Guid>? Find(WriteSession session, EnqueueKey key, DateTimeOffset now)
    {
        byte[] hash;
        byte[] ids;
        long expiresAt;
        using (var reader = session.Command(FindSql, 1).Bind(key.RequestId).ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            hash = (byte[])reader.GetValue(0);
            ids = (byte[])reader.GetValue(1);
            expiresAt = reader.GetInt64(2);
        }

        if (expiresAt <= TimeCodec.ToTicks(now))
        {
            session.Command(DeleteSql, 1).Bind(key.RequestId).ExecuteNonQuery();
            return null;
        }

        if (!hash.AsSpan().SequenceEqual(key.RequestHash))
        {
            throw new EnqueueRequestConflictException(key.RequestId);
        }

        return Decode(ids);
    }

    public static void Insert(WriteSession session, EnqueueKey key, IReadOnlyList<Guid> jobIds, DateTimeOffset now) =>
        session.Command(InsertSql, 5)
            .Bind(key.RequestId, key.RequestHash, Encode(jobIds), TimeCodec.ToTicks(now), TimeCodec.ToTicks(key.ExpiresAt))
            .ExecuteNonQuery();

    public static int Purge(WriteSession session, DateTimeOffset now, int limit) =>
        session.Command(PurgeSql, 2).Bind(TimeCodec.ToTicks(now), (long)limit).ExecuteNonQuery();

    private static byte[] Encode(IReadOnlyList<Guid> ids)
    {
        var bytes = new byte[ids.Count * 16];
        for (var i = 0; i < ids.Count; i++)
        {
            ids[i].TryWriteBytes(bytes.AsSpan(i * 16, 16));
        }

        return bytes;
    }

    private static Guid[] Decode(byte[] bytes)
    {
        if (bytes.Length % 16 != 0)
        {
            throw new SqliteException($"queue_enqueue_keys.job_ids holds {bytes.Length} bytes, not a multiple of 16", 11);
        }

        var ids = new Guid[bytes.Length / 16];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = new Guid(bytes.AsSpan(i * 16, 16));
        }

        return ids;
    }
}
