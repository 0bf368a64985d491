using Npgsql;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// Retention in batches, as on SQLite: candidates found by a read, then deleted (status and age re-checked, by
/// primary key) in one short transaction; log marks per (shop, task); the queue's counts for metrics.
/// </summary>
internal static class PgPurges
{
    public static async Task<(List<(long EntryNo, Guid Id)> Candidates, long? Next)> FindJobsAsync(
        NpgsqlConnection connection, JobPurgeFilter filter, long after, int limit, CancellationToken ct)
    {
        var rows = await Pg.Command(
            connection, null,
            "SELECT entry_no, id FROM queue_jobs WHERE entry_no > $1 AND " + JobCondition(3) + " ORDER BY entry_no LIMIT $2",
            after, limit, Statuses(filter), Pg.Utc(filter.EndedBefore), filter.ShopCode)
            .ListAsync(r => (EntryNo: r.GetInt64(0), Id: r.GetGuid(1)), ct).ConfigureAwait(false);
        var candidates = rows.Where(r => !filter.Keep.Contains(r.Id)).ToList();
        return (candidates, rows.Count < limit ? null : rows[^1].EntryNo);
    }

    public static async Task<int> DeleteJobsAsync(PgSession session, JobPurgeFilter filter, IReadOnlyList<(long EntryNo, Guid Id)> candidates, CancellationToken ct)
    {
        var deleted = await session.Command(
            "DELETE FROM queue_jobs WHERE entry_no = ANY($1) AND " + JobCondition(2) + " RETURNING id",
            candidates.Select(c => c.EntryNo).ToArray(), Statuses(filter), Pg.Utc(filter.EndedBefore), filter.ShopCode)
            .ListAsync(r => r.GetGuid(0), ct).ConfigureAwait(false);
        if (deleted.Count > 0)
        {
            await session.Command("DELETE FROM queue_job_events WHERE job_id = ANY($1)", [deleted.ToArray()]).ExecuteAsync(ct).ConfigureAwait(false);
        }

        return deleted.Count;
    }

    public static async Task<LogRetentionMarks> ReadMarksAsync(NpgsqlConnection connection, string? shopCode, CancellationToken ct)
    {
        var rows = await Pg.Command(
            connection, null,
            "SELECT shop_code, report_id, MAX(CASE WHEN result IN (1, 2) THEN id END), MAX(CASE WHEN result IN (3, 5) THEN id END) " +
            "FROM queue_job_log WHERE ($1::text IS NULL OR shop_code = $1::text) GROUP BY shop_code, report_id",
            shopCode)
            .ListAsync(r => (Shop: r.GetString(0), Report: r.GetInt32(1), Ok: r.IsDBNull(2) ? (long?)null : r.GetInt64(2), Bad: r.IsDBNull(3) ? (long?)null : r.GetInt64(3)), ct)
            .ConfigureAwait(false);
        var marks = new LogRetentionMarks();
        foreach (var (shop, report, ok, bad) in rows)
        {
            marks.Add(shop, report, ok, bad);
        }

        return marks;
    }

    public static async Task<(List<long> Candidates, long? Next)> FindLogAsync(NpgsqlConnection connection, LogPurgeFilter filter, long after, int limit, CancellationToken ct)
    {
        var rows = await Pg.Command(
            connection, null,
            "SELECT id, shop_code, report_id FROM queue_job_log WHERE id > $1 AND end_time IS NOT NULL AND end_time < $2 " +
            "AND ($4::text IS NULL OR shop_code = $4::text) ORDER BY id LIMIT $3",
            after, Pg.Utc(filter.EndedBefore), limit, filter.ShopCode)
            .ListAsync(r => (Id: r.GetInt64(0), Shop: r.GetString(1), Report: r.GetInt32(2)), ct).ConfigureAwait(false);
        var ids = rows.Where(r => filter.Marks.MayDelete(r.Shop, r.Report, r.Id)).Select(r => r.Id).ToList();
        return (ids, rows.Count < limit ? null : rows[^1].Id);
    }

    /// <summary>Deletes finished log rows; a purge that deleted any bumps the log generation in the same transaction.</summary>
    public static async Task<int> DeleteLogAsync(PgSession session, IReadOnlyList<long> ids, CancellationToken ct)
    {
        var deleted = await session.Command("DELETE FROM queue_job_log WHERE end_time IS NOT NULL AND id = ANY($1)", [ids.ToArray()]).ExecuteAsync(ct).ConfigureAwait(false);
        if (deleted > 0)
        {
            await session.Command("UPDATE queue_log_generation SET generation = generation + 1").ExecuteAsync(ct).ConfigureAwait(false);
        }

        return deleted;
    }

    public static Task<List<CategoryStatusCount>> CountAsync(NpgsqlConnection connection, CancellationToken ct) =>
        Pg.Command(
            connection, null,
            "SELECT category_code, status, COUNT(*), MIN(CASE WHEN status IN (2, 3) THEN earliest_start END) FROM queue_jobs GROUP BY category_code, status")
            .ListAsync(r => new CategoryStatusCount(r.GetString(0), (JobStatus)r.GetInt32(1), r.GetInt64(2), PgJobReader.NullableTime(r, 3)), ct);

    private static int[] Statuses(JobPurgeFilter filter) => filter.Statuses.Select(s => (int)s).ToArray();

    /// <summary>Statuses, cutoff and shop as parameters <c>$first</c>, <c>$first+1</c>, <c>$first+2</c>.</summary>
    private static string JobCondition(int first) =>
        $"status = ANY(${first}) AND COALESCE(ended_at, updated_at) < ${first + 1} AND (${first + 2}::text IS NULL OR shop_code = ${first + 2}::text)";
}
