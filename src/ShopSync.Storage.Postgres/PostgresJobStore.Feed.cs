using Npgsql;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Storage.Codecs;
using ShopSync.Storage.Postgres.Feed;

namespace ShopSync.Storage.Postgres;

/// <summary>The change feed's two statements: ringing the doorbell, and reading what another node's doorbell announced.</summary>
internal sealed partial class PostgresJobStore
{
    // The accepted event (sequence 1) is derived from the entry row, as in ReadEventsAsync; the others are rows.
    private const string FeedEventsSql =
        "WITH r AS (SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::bigint[]) WITH ORDINALITY AS r(job_id, lo, hi, ord)) " +
        "SELECT r.ord, 1::bigint, j.created_at, -1, '', j.shop_code, j.category_code, j.report_id, j.entry_no, j.accepted_status, j.foreground " +
        "FROM r JOIN queue_jobs j ON j.id = r.job_id WHERE r.lo <= 1 " +
        "UNION ALL " +
        "SELECT r.ord, e.seq, e.time, e.kind, e.data, j.shop_code, j.category_code, j.report_id, 0::bigint, 0, false " +
        "FROM r JOIN queue_job_events e ON e.job_id = r.job_id AND e.seq BETWEEN r.lo AND r.hi JOIN queue_jobs j ON j.id = r.job_id " +
        "ORDER BY 1, 2";

    /// <summary>One <c>pg_notify</c> per payload, each its own (autocommit) statement, so no enqueue commit carries a NOTIFY.</summary>
    public Task<int> NotifyAsync(string channel, IReadOnlyList<string> payloads, CancellationToken cancellationToken) =>
        Read(
            async () =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                foreach (var payload in payloads)
                {
                    await Pg.Command(connection, null, "SELECT pg_notify($1, $2)", channel, payload).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                return payloads.Count;
            },
            cancellationToken);

    /// <summary>The events of each (entry, sequence range), in the order of the ranges and then by sequence.</summary>
    public Task<IReadOnlyList<QueueEvent>> ReadFeedEventsAsync(IReadOnlyList<FeedEventRange> ranges, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<QueueEvent>>(
            async () =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                var command = Pg.Command(
                    connection, null, FeedEventsSql,
                    ranges.Select(r => r.JobId).ToArray(), ranges.Select(r => r.From).ToArray(), ranges.Select(r => r.To).ToArray());
                var jobIds = ranges.Select(r => r.JobId).ToArray();
                return await command.ListAsync(r => ReadFeedEvent(r, jobIds), cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);

    private static QueueEvent ReadFeedEvent(NpgsqlDataReader r, Guid[] jobIds)
    {
        var jobId = jobIds[r.GetInt64(0) - 1];
        var kind = r.GetInt32(3);
        JobEventData data = kind < 0
            ? new JobAccepted(r.GetInt64(8), (JobStatus)r.GetInt32(9), r.GetBoolean(10))
            : EventCodec.Decode(kind, r.GetString(4));
        var item = new JobEvent(jobId, r.GetInt64(1), PgJobReader.Time(r, 2), data);
        return new QueueEvent(item, r.GetString(5), r.GetString(6), r.GetInt32(7));
    }
}
