using Microsoft.Data.Sqlite;
using ShopSync.Queue.Entries;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Sqlite;

/// <summary>The column list every entry query selects (or returns) and its mapping to <see cref="Job"/>.</summary>
internal static class JobRecordReader
{
    public const string Columns =
        "entry_no, id, report_id, description, shop_code, category_code, priority, status, earliest_start, expiration, " +
        "max_attempts, attempts, rerun_delay_ms, timeout_ms, filters, options, created_by, error_message, error_detail, " +
        "progress_percent, progress_message, pages, done, failed, skipped, checkpoint, created_at, updated_at, started_at, " +
        "ended_at, last_result, schedule_id, occurrence_utc, lease_owner, lease_expires_at, fencing_token, " +
        "cancel_requested, hold_requested, event_seq, trace_parent";

    public static Job Read(SqliteDataReader r)
    {
        var counters = new JobCounters(r.GetInt64(21), r.GetInt64(22), r.GetInt64(23), r.GetInt64(24));
        return new Job
        {
            EntryNo = r.GetInt64(0),
            Id = new Guid(r.GetFieldValue<byte[]>(1)),
            ReportId = r.GetInt32(2),
            Description = r.GetString(3),
            ShopCode = r.GetString(4),
            CategoryCode = r.GetString(5),
            Priority = r.GetInt32(6),
            Status = (JobStatus)r.GetInt32(7),
            EarliestStart = TimeCodec.FromTicks(r.GetInt64(8)),
            Expiration = r.IsDBNull(9) ? null : TimeCodec.FromTicks(r.GetInt64(9)),
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
            CreatedAt = TimeCodec.FromTicks(r.GetInt64(26)),
            UpdatedAt = TimeCodec.FromTicks(r.GetInt64(27)),
            StartedAt = r.IsDBNull(28) ? null : TimeCodec.FromTicks(r.GetInt64(28)),
            EndedAt = r.IsDBNull(29) ? null : TimeCodec.FromTicks(r.GetInt64(29)),
            LastResult = (JobResult)r.GetInt32(30),
            ScheduleId = r.IsDBNull(31) ? null : new Guid(r.GetFieldValue<byte[]>(31)),
            OccurrenceUtc = r.IsDBNull(32) ? null : TimeCodec.FromTicks(r.GetInt64(32)),
            LeaseOwner = r.IsDBNull(33) ? null : r.GetString(33),
            LeaseExpiresAt = r.IsDBNull(34) ? null : TimeCodec.FromTicks(r.GetInt64(34)),
            FencingToken = r.GetInt64(35),
            CancelRequested = r.GetInt64(36) != 0,
            HoldRequested = r.GetInt64(37) != 0,
            LastEventSequence = r.GetInt64(38),
            TraceParent = r.IsDBNull(39) ? null : r.GetString(39),
        };
    }

    /// <summary>Runs a command expected to return at most one entry row.</summary>
    public static Job? ReadSingle(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }
}
