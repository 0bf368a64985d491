using System.Globalization;
using Npgsql;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// The queue-wide event log on PostgreSQL (schema V4): a position is <c>log_key.log_pos</c>, read in that order and
/// only below the statement's snapshot xmin, so a read never returns an event before one that may still commit
/// ahead of it. A read that is not full moves the next position up to that xmin: no later event can be below it.
/// </summary>
internal sealed partial class PostgresJobStore : IQueueEventLog
{
    private const string HeadSql = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text";

    private const string LogSql =
        "WITH s AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS x), " +
        "a AS (SELECT j.log_key AS k, j.log_pos AS p, j.id, 1::bigint AS seq, j.created_at AS t, -1 AS kind, '' AS data, j.shop_code, " +
        "j.category_code, j.report_id, j.entry_no, j.accepted_status, j.foreground FROM queue_jobs j " +
        "WHERE (j.log_key, j.log_pos) > ($1::text::xid8, $2::bigint) AND j.log_key < (SELECT x FROM s) ORDER BY j.log_key, j.log_pos LIMIT $3), " +
        "e AS (SELECT e.log_key, e.log_pos, e.job_id, e.seq, e.time, e.kind, e.data, j.shop_code, j.category_code, j.report_id, " +
        "0::bigint, 0, false FROM queue_job_events e JOIN queue_jobs j ON j.id = e.job_id " +
        "WHERE (e.log_key, e.log_pos) > ($1::text::xid8, $2::bigint) AND e.log_key < (SELECT x FROM s) ORDER BY e.log_key, e.log_pos LIMIT $3), " +
        "u AS (SELECT * FROM a UNION ALL SELECT * FROM e ORDER BY 1, 2 LIMIT $3) " +
        "SELECT s.x::text, u.k::text, u.p, u.id, u.seq, u.t, u.kind, u.data, u.shop_code, u.category_code, u.report_id, u.entry_no, " +
        "u.accepted_status, u.foreground FROM s LEFT JOIN u ON true ORDER BY u.k, u.p";

    public Task<string> HeadAsync(CancellationToken cancellationToken) =>
        Read(
            async () =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                var xmin = (string)(await Pg.Command(connection, null, HeadSql).ScalarAsync(cancellationToken).ConfigureAwait(false))!;
                return xmin + ".0";
            },
            cancellationToken);

    public Task<QueueLogPage> ReadAsync(string afterPosition, int limit, CancellationToken cancellationToken)
    {
        var (key, pos) = ParsePosition(afterPosition);
        return Read(
            async () =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                var command = Pg.Command(connection, null, LogSql, key.ToString(CultureInfo.InvariantCulture), pos, limit);
                var xmin = 0UL;
                var events = new List<LoggedQueueEvent>();
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        xmin = ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture);
                        if (!reader.IsDBNull(1))
                        {
                            events.Add(ReadLogged(reader));
                        }
                    }
                }

                var next = events.Count == limit || xmin <= key ? (events.Count > 0 ? events[^1].Position : afterPosition) : xmin + ".0";
                return new QueueLogPage(events, next);
            },
            cancellationToken);
    }

    private static (ulong Key, long Pos) ParsePosition(string position)
    {
        var dot = position.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0
            && ulong.TryParse(position.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var key)
            && long.TryParse(position.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pos))
        {
            return (key, pos);
        }

        throw new JobValidationException("after_position", "not a position this server gave (expected the position of a WatchJobs event).");
    }

    private static LoggedQueueEvent ReadLogged(NpgsqlDataReader r)
    {
        var jobId = r.GetGuid(3);
        var kind = r.GetInt32(6);
        JobEventData data = kind < 0
            ? new JobAccepted(r.GetInt64(11), (JobStatus)r.GetInt32(12), r.GetBoolean(13))
            : EventCodec.Decode(kind, r.GetString(7));
        var item = new JobEvent(jobId, r.GetInt64(4), PgJobReader.Time(r, 5), data);
        var position = r.GetString(1) + "." + r.GetInt64(2).ToString(CultureInfo.InvariantCulture);
        return new LoggedQueueEvent(new QueueEvent(item, r.GetString(8), r.GetString(9), r.GetInt32(10)), position);
    }
}
