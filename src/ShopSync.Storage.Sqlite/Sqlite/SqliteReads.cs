using System.Text;
using Microsoft.Data.Sqlite;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Storage.Codecs;
using ShopSync.Storage.Queries;

namespace ShopSync.Storage.Sqlite;

/// <summary>Reads on pooled connections; in WAL mode they never wait for the writer.</summary>
internal sealed class SqliteReads
{
    private readonly string _connectionString;

    public SqliteReads(string connectionString)
    {
        _connectionString = connectionString;
    }

    public Job? Get(Guid jobId)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + JobRecordReader.Columns + " FROM queue_jobs WHERE id = @id";
        command.Parameters.AddWithValue("@id", jobId.ToByteArray());
        return JobRecordReader.ReadSingle(command);
    }

    public JobPage List(JobQuery query)
    {
        var size = PageSizes.Resolve(query.PageSize);
        using var connection = Open();
        using var command = connection.CreateCommand();
        var sql = new StringBuilder("SELECT ").Append(JobRecordReader.Columns).Append(" FROM queue_jobs WHERE entry_no > @after");
        command.Parameters.AddWithValue("@after", PageToken.Decode(query.PageToken) ?? 0L);
        if (query.Statuses.Count > 0)
        {
            sql.Append(" AND status IN (").Append(string.Join(", ", query.Statuses.Select(s => (int)s))).Append(')');
        }

        AddText(command, sql, "category_code", "@category", query.CategoryCode);
        AddText(command, sql, "shop_code", "@shop", query.ShopCode);
        if (query.ReportId != 0)
        {
            sql.Append(" AND report_id = @report");
            command.Parameters.AddWithValue("@report", query.ReportId);
        }

        SqliteJobConditions.AddSearch(command, sql, query.Text);
        SqliteJobConditions.AddShops(command, sql, query.Shops);
        sql.Append(" ORDER BY entry_no LIMIT @limit");
        command.Parameters.AddWithValue("@limit", size + 1);
        command.CommandText = sql.ToString();
        var jobs = new List<Job>(size + 1);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                jobs.Add(JobRecordReader.Read(reader));
            }
        }

        if (jobs.Count <= size)
        {
            return new JobPage(jobs, string.Empty);
        }

        jobs.RemoveAt(size);
        return new JobPage(jobs, PageToken.Encode(jobs[^1].EntryNo));
    }

    public JobLogPage ListLog(JobLogQuery query)
    {
        var size = PageSizes.Resolve(query.PageSize);
        using var connection = Open();
        using var command = connection.CreateCommand();
        var sql = new StringBuilder(
            "SELECT id, job_id, entry_no, report_id, description, shop_code, category_code, attempt, start_time, end_time, " +
            "result, error_message, error_detail, pages, done, failed, skipped, filters, options, node FROM queue_job_log WHERE id < @before");
        command.Parameters.AddWithValue("@before", PageToken.Decode(query.PageToken) ?? long.MaxValue);
        if (query.JobId is { } jobId)
        {
            sql.Append(" AND job_id = @job");
            command.Parameters.AddWithValue("@job", jobId.ToByteArray());
        }

        AddText(command, sql, "shop_code", "@shop", query.ShopCode);
        if (query.ReportId != 0)
        {
            sql.Append(" AND report_id = @report");
            command.Parameters.AddWithValue("@report", query.ReportId);
        }

        if (query.ErrorsOnly)
        {
            sql.Append(" AND result IN (3, 5)");
        }

        sql.Append(" ORDER BY id DESC LIMIT @limit");
        command.Parameters.AddWithValue("@limit", size + 1);
        command.CommandText = sql.ToString();
        var entries = new List<JobLogEntry>(size + 1);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                entries.Add(ReadLog(reader));
            }
        }

        if (entries.Count <= size)
        {
            return new JobLogPage(entries, string.Empty);
        }

        entries.RemoveAt(size);
        return new JobLogPage(entries, PageToken.Encode(entries[^1].Id));
    }

    public IReadOnlyList<JobEvent> ReadEvents(Guid jobId, long afterSequence, int limit)
    {
        using var connection = Open();
        var events = new List<JobEvent>();
        var id = jobId.ToByteArray();
        if (afterSequence < 1)
        {
            using var accepted = connection.CreateCommand();
            accepted.CommandText = "SELECT entry_no, accepted_status, foreground, created_at FROM queue_jobs WHERE id = @id";
            accepted.Parameters.AddWithValue("@id", id);
            using var reader = accepted.ExecuteReader();
            if (!reader.Read())
            {
                return events;
            }

            events.Add(JobAccepted.Of(jobId, reader.GetInt64(0), (JobStatus)reader.GetInt32(1), TimeCodec.FromTicks(reader.GetInt64(3)), reader.GetInt64(2) != 0));
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, time, kind, data FROM queue_job_events WHERE job_id = @id AND seq > @after ORDER BY seq LIMIT @limit";
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@after", Math.Max(afterSequence, 1));
        command.Parameters.AddWithValue("@limit", Math.Max(1, limit - events.Count));
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var data = EventCodec.Decode(reader.GetInt32(2), reader.GetString(3));
                events.Add(new JobEvent(jobId, reader.GetInt64(0), TimeCodec.FromTicks(reader.GetInt64(1)), data));
            }
        }

        return events;
    }

    public IReadOnlyList<Job> FindExpiredLeases(DateTimeOffset now, int limit)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + JobRecordReader.Columns +
            " FROM queue_jobs WHERE status = 4 AND lease_expires_at < @now ORDER BY lease_expires_at LIMIT @limit";
        command.Parameters.AddWithValue("@now", TimeCodec.ToTicks(now));
        command.Parameters.AddWithValue("@limit", limit);
        var jobs = new List<Job>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            jobs.Add(JobRecordReader.Read(reader));
        }

        return jobs;
    }

    /// <summary>A skip scan over the queued index: one probe per category instead of a scan of every queued entry.</summary>
    public IReadOnlyList<string> FindQueuedCategories()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT category_code FROM queue_jobs WHERE status IN (2, 3) AND category_code > @last ORDER BY category_code LIMIT 1";
        var last = command.Parameters.AddWithValue("@last", string.Empty);
        var categories = new List<string>();
        while (command.ExecuteScalar() is string category)
        {
            categories.Add(category);
            last.Value = category;
        }

        return categories;
    }

    private static JobLogEntry ReadLog(SqliteDataReader r) => new()
    {
        Id = r.GetInt64(0),
        JobId = new Guid(r.GetFieldValue<byte[]>(1)),
        EntryNo = r.GetInt64(2),
        ReportId = r.GetInt32(3),
        Description = r.GetString(4),
        ShopCode = r.GetString(5),
        CategoryCode = r.GetString(6),
        Attempt = r.GetInt32(7),
        StartTime = TimeCodec.FromTicks(r.GetInt64(8)),
        EndTime = r.IsDBNull(9) ? null : TimeCodec.FromTicks(r.GetInt64(9)),
        Result = (JobResult)r.GetInt32(10),
        ErrorMessage = r.IsDBNull(11) ? null : r.GetString(11),
        ErrorDetail = r.IsDBNull(12) ? null : r.GetString(12),
        Counters = new JobCounters(r.GetInt64(13), r.GetInt64(14), r.GetInt64(15), r.GetInt64(16)),
        Filters = ParameterCodec.DecodeFilters(r.GetString(17)),
        Options = ParameterCodec.DecodeOptions(r.GetString(18)),
        Node = r.GetString(19),
    };


    private static void AddText(SqliteCommand command, StringBuilder sql, string column, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            sql.Append(" AND ").Append(column).Append(" = ").Append(name);
            command.Parameters.AddWithValue(name, value);
        }
    }

    /// <summary>Runs <paramref name="read"/> on a pooled connection.</summary>
    public T WithConnection<T>(Func<SqliteConnection, T> read)
    {
        using var connection = Open();
        return read(connection);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
