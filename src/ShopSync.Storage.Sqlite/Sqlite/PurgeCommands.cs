using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>
/// Retention in batches: candidates are found on a read connection (WAL: no lock on the writer), and the single
/// writer deletes only those that still match, by primary key, in one short transaction.
/// </summary>
internal static class PurgeCommands
{
    // One scan of the log per purge: per (shop, task) the newest success and the newest failure.
    private const string MarksSql =
        "SELECT shop_code, report_id, MAX(CASE WHEN result IN (1, 2) THEN id END), MAX(CASE WHEN result IN (3, 5) THEN id END) " +
        "FROM queue_job_log{0} GROUP BY shop_code, report_id";

    private const string LogCandidatesSql =
        "SELECT id, shop_code, report_id FROM queue_job_log WHERE id > @after AND end_time IS NOT NULL AND end_time < @cutoff{0} " +
        "ORDER BY id LIMIT @limit";

    public static (List<(long EntryNo, Guid Id)> Candidates, long? Last) FindJobs(SqliteConnection connection, JobPurgeFilter filter, long after, int limit)
    {
        using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT entry_no, id FROM queue_jobs WHERE entry_no > @after AND ")
            .Append(JobCondition(command, filter))
            .Append(" ORDER BY entry_no LIMIT @limit");
        command.CommandText = sql.ToString();
        command.Parameters.AddWithValue("@after", after);
        command.Parameters.AddWithValue("@limit", limit);
        var candidates = new List<(long, Guid)>(limit);
        long? last = null;
        var read = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var entryNo = reader.GetInt64(0);
            last = entryNo;
            read++;
            var id = new Guid(reader.GetFieldValue<byte[]>(1));
            if (!filter.Keep.Contains(id))
            {
                candidates.Add((entryNo, id));
            }
        }

        return (candidates, read < limit ? null : last);
    }

    /// <summary>Deletes the candidates that still match (status and age re-checked), with their events.</summary>
    public static int DeleteJobs(WriteSession session, JobPurgeFilter filter, IReadOnlyList<(long EntryNo, Guid Id)> candidates)
    {
        using var command = session.AdHoc(string.Empty);
        var sql = new StringBuilder("DELETE FROM queue_jobs WHERE ").Append(JobCondition(command, filter)).Append(" AND entry_no IN (");
        AppendIds(command, sql, candidates.Select(c => c.EntryNo));
        command.CommandText = sql.Append(") RETURNING id").ToString();
        var deleted = new List<byte[]>(candidates.Count);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                deleted.Add(reader.GetFieldValue<byte[]>(0));
            }
        }

        var events = session.Command("DELETE FROM queue_job_events WHERE job_id = @p0", 1);
        foreach (var id in deleted)
        {
            events.Bind(id).ExecuteNonQuery();
        }

        return deleted.Count;
    }

    public static LogRetentionMarks ReadMarks(SqliteConnection connection, string? shopCode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = string.Format(CultureInfo.InvariantCulture, MarksSql, shopCode is null ? string.Empty : " WHERE shop_code = @shop");
        if (shopCode is not null)
        {
            command.Parameters.AddWithValue("@shop", shopCode);
        }

        var marks = new LogRetentionMarks();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            marks.Add(
                reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3));
        }

        return marks;
    }

    public static (List<long> Candidates, long? Next) FindLog(SqliteConnection connection, LogPurgeFilter filter, long after, int limit)
    {
        using var command = connection.CreateCommand();
        var shop = filter.ShopCode is null ? string.Empty : " AND shop_code = @shop";
        command.CommandText = string.Format(CultureInfo.InvariantCulture, LogCandidatesSql, shop);
        command.Parameters.AddWithValue("@after", after);
        command.Parameters.AddWithValue("@cutoff", TimeCodec.ToTicks(filter.EndedBefore));
        command.Parameters.AddWithValue("@limit", limit);
        if (filter.ShopCode is { } code)
        {
            command.Parameters.AddWithValue("@shop", code);
        }

        var ids = new List<long>(limit);
        var read = 0;
        long last = 0;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            read++;
            last = reader.GetInt64(0);
            if (filter.Marks.MayDelete(reader.GetString(1), reader.GetInt32(2), last))
            {
                ids.Add(last);
            }
        }

        return (ids, read < limit ? null : last);
    }

    public static int DeleteLog(WriteSession session, IReadOnlyList<long> ids)
    {
        using var command = session.AdHoc(string.Empty);
        var sql = new StringBuilder("DELETE FROM queue_job_log WHERE end_time IS NOT NULL AND id IN (");
        AppendIds(command, sql, ids);
        command.CommandText = sql.Append(')').ToString();
        return command.ExecuteNonQuery();
    }

    private static string JobCondition(SqliteCommand command, JobPurgeFilter filter)
    {
        var statuses = string.Join(", ", filter.Statuses.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));
        command.Parameters.AddWithValue("@cutoff", TimeCodec.ToTicks(filter.EndedBefore));
        var sql = $"status IN ({statuses}) AND COALESCE(ended_at, updated_at) < @cutoff";
        if (filter.ShopCode is { } shop)
        {
            command.Parameters.AddWithValue("@shop", shop);
            sql += " AND shop_code = @shop";
        }

        return sql;
    }

    private static void AppendIds(SqliteCommand command, StringBuilder sql, IEnumerable<long> ids)
    {
        var i = 0;
        foreach (var id in ids)
        {
            var name = "@k" + i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i++ == 0 ? "" : ", ").Append(name);
            command.Parameters.AddWithValue(name, id);
        }
    }

    /// <summary>Guards against a caller passing a status a purge must never touch.</summary>
    public static void RequireTerminal(IReadOnlyList<JobStatus> statuses)
    {
        if (statuses.Count == 0 || statuses.Any(s => s is not (JobStatus.Finished or JobStatus.Error)))
        {
            throw new ArgumentException("A purge deletes Finished and/or Error entries only.", nameof(statuses));
        }
    }
}
