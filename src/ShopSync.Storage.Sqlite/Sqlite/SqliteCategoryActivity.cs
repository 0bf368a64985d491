using System.Text;
using Microsoft.Data.Sqlite;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>The category overview's reads on one pooled connection (outside the writer): counts, runs, heads, throughput.</summary>
internal static class SqliteCategoryActivity
{
    private const long TicksPerMinute = TimeSpan.TicksPerMinute;

    public static CategoryActivity Read(SqliteConnection connection, CategoryActivityQuery query)
    {
        var counts = new List<CategoryCount>();
        using (var command = Command(connection, query, "SELECT category_code, status, COUNT(*), SUM(earliest_start <= @now) FROM queue_jobs WHERE 1", " GROUP BY category_code, status"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                counts.Add(new CategoryCount(reader.GetString(0), (JobStatus)reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3)));
            }
        }

        var running = Jobs(Command(connection, query, "SELECT " + JobRecordReader.Columns + " FROM queue_jobs WHERE status = 4", " ORDER BY entry_no"));
        var oldest = Jobs(Command(
            connection, query,
            "SELECT " + JobRecordReader.Columns + " FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY category_code ORDER BY earliest_start, entry_no) AS head " +
            "FROM queue_jobs WHERE status IN (2, 3) AND earliest_start <= @now",
            ") WHERE head = 1"));

        var ended = new List<CategoryEnded>();
        using (var command = Command(
            connection, query,
            "SELECT category_code, (end_time - @since) / " + TicksPerMinute + " AS minute, COUNT(*) FROM queue_job_log " +
            "WHERE end_time >= @since AND end_time < @now",
            " GROUP BY category_code, minute"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                ended.Add(new CategoryEnded(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
            }
        }

        return new CategoryActivity(counts, running, oldest, ended);
    }

    /// <summary>The statement with the shop conditions between <paramref name="head"/> and <paramref name="tail"/>.</summary>
    private static SqliteCommand Command(SqliteConnection connection, CategoryActivityQuery query, string head, string tail)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder(head);
        if (!string.IsNullOrEmpty(query.ShopCode))
        {
            sql.Append(" AND shop_code = @shop");
            command.Parameters.AddWithValue("@shop", query.ShopCode);
        }

        SqliteJobConditions.AddShops(command, sql, query.Shops);
        command.CommandText = sql.Append(tail).ToString();
        command.Parameters.AddWithValue("@now", TimeCodec.ToTicks(query.Now));
        command.Parameters.AddWithValue("@since", TimeCodec.ToTicks(query.Since));
        return command;
    }

    private static List<Job> Jobs(SqliteCommand command)
    {
        using (command)
        {
            var jobs = new List<Job>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                jobs.Add(JobRecordReader.Read(reader));
            }

            return jobs;
        }
    }
}
