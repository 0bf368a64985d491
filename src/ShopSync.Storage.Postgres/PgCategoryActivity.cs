using System.Text;
using Npgsql;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres;

/// <summary>The category overview's reads on one pooled connection: counts, runs, heads, throughput.</summary>
internal static class PgCategoryActivity
{
    public static async Task<CategoryActivity> ReadAsync(NpgsqlConnection connection, CategoryActivityQuery query, CancellationToken ct)
    {
        var counts = await Command(
                connection, query,
                "SELECT category_code, status, COUNT(*), COUNT(*) FILTER (WHERE earliest_start <= $1) FROM queue_jobs WHERE true",
                " GROUP BY category_code, status")
            .ListAsync(r => new CategoryCount(r.GetString(0), (JobStatus)r.GetInt32(1), r.GetInt64(2), r.GetInt64(3)), ct).ConfigureAwait(false);
        var running = await Command(connection, query, "SELECT " + PgJobReader.Columns + " FROM queue_jobs WHERE status = 4 AND $1::timestamptz IS NOT NULL", " ORDER BY entry_no")
            .ListAsync(PgJobReader.Read, ct).ConfigureAwait(false);
        var oldest = await Command(
                connection, query,
                "SELECT " + PgJobReader.Columns + " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY category_code ORDER BY earliest_start, entry_no) AS head " +
                "FROM queue_jobs WHERE status IN (2, 3) AND earliest_start <= $1",
                ") AS heads WHERE head = 1")
            .ListAsync(PgJobReader.Read, ct).ConfigureAwait(false);
        var ended = await Command(
                connection, query,
                "SELECT category_code, floor(extract(epoch FROM end_time - $2) / 60)::int AS minute, COUNT(*)::int FROM queue_job_log " +
                "WHERE end_time >= $2 AND end_time < $1",
                " GROUP BY category_code, minute",
                Pg.Utc(query.Since))
            .ListAsync(r => new CategoryEnded(r.GetString(0), r.GetInt32(1), r.GetInt32(2)), ct).ConfigureAwait(false);
        return new CategoryActivity(counts, running, oldest, ended);
    }

    /// <summary>The statement with <c>$1</c> = now (and <paramref name="since"/> as <c>$2</c>), then the shop conditions.</summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, CategoryActivityQuery query, string head, string tail, DateTimeOffset? since = null)
    {
        var values = new List<object?> { Pg.Utc(query.Now) };
        if (since is { } s)
        {
            values.Add(s);
        }

        var sql = new StringBuilder(head);
        if (!string.IsNullOrEmpty(query.ShopCode))
        {
            values.Add(query.ShopCode);
            sql.Append(" AND shop_code = $").Append(values.Count);
        }

        PgJobConditions.AddShops(sql, values, query.Shops);
        return Pg.Command(connection, null, sql.Append(tail).ToString(), [.. values]);
    }
}
