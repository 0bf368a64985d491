using Npgsql;
using ShopSync.Queue.Entries;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Postgres;

/// <summary>The column list every entry query selects (or returns) and its mapping to <see cref="Job"/>.</summary>
internal static class PgJobReader
{
    public const string Columns =
        "entry_no, id, report_id, description, shop_code, category_code, priority, status, earliest_start, expiration, " +
        "max_attempts, attempts, rerun_delay_ms, timeout_ms, filters, options, created_by, error_message, error_detail, " +
        "progress_percent, progress_message, pages, done, failed, skipped, checkpoint, created_at, updated_at, started_at, " +
        "ended_at, last_result, schedule_id, occurrence_utc, lease_owner, lease_expires_at, fencing_token, " +
        "cancel_requested, hold_requested, event_seq, trace_parent";

    /// <summary>How many columns <see cref="Columns"/> lists: a statement's extra answer columns start at this ordinal.</summary>
    public static readonly int ColumnCount = Columns.Split(", ").Length;

    /// <summary><see cref="Columns"/> qualified with a table alias (for statements that join).</summary>
    public static string Qualified(string alias) => string.Join(", ", Columns.Split(", ").Select(c => alias + "." + c));

    public static Job Read(NpgsqlDataReader r)
    {
        var counters = new JobCounters(r.GetInt64(21), r.GetInt64(22), r.GetInt64(23), r.GetInt64(24));
        return new Job
        {
            EntryNo = r.GetInt64(0),
            Id = r.GetGuid(1),
            ReportId = r.GetInt32(2),
            Description = r.GetString(3),
            ShopCode = r.GetString(4),
            CategoryCode = r.GetString(5),
            Priority = r.GetInt32(6),
            Status = (JobStatus)r.GetInt32(7),
            EarliestStart = Time(r, 8),
            Expiration = NullableTime(r, 9),
            MaxAttempts = r.GetInt32(10),
            Attempts = r.GetInt32(11),
            RerunDelay = TimeSpan.FromMilliseconds(r.GetInt64(12)),
            Timeout = TimeSpan.FromMilliseconds(r.GetInt64(13)),
            Filters = ParameterCodec.DecodeFilters(r.GetString(14)),
            Options = ParameterCodec.DecodeOptions(r.GetString(15)),
            CreatedBy = r.GetString(16),
            ErrorMessage = r.IsDBNull(17) ? null : r.GetString(17),
            ErrorDetail = r.IsDBNull(18) ? null : r.GetString(18),
            LastProgress = r.IsDBNull(19) ? null : new JobProgress(r.GetInt32(19), r.IsDBNull(20) ? string.Empty : r.GetString(20), counters),
            Checkpoint = r.IsDBNull(25) ? null : r.GetString(25),
            CreatedAt = Time(r, 26),
            UpdatedAt = Time(r, 27),
            StartedAt = NullableTime(r, 28),
            EndedAt = NullableTime(r, 29),
            LastResult = (JobResult)r.GetInt32(30),
            ScheduleId = r.IsDBNull(31) ? null : r.GetGuid(31),
            OccurrenceUtc = NullableTime(r, 32),
            LeaseOwner = r.IsDBNull(33) ? null : r.GetString(33),
            LeaseExpiresAt = NullableTime(r, 34),
            FencingToken = r.GetInt64(35),
            CancelRequested = r.GetBoolean(36),
            HoldRequested = r.GetBoolean(37),
            LastEventSequence = r.GetInt64(38),
            TraceParent = r.IsDBNull(39) ? null : r.GetString(39),
        };
    }

    public static DateTimeOffset Time(NpgsqlDataReader r, int ordinal) => r.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? NullableTime(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetFieldValue<DateTimeOffset>(ordinal);
}
