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

    public static Job Read(SqliteDataReader r) => Read(new ReaderRow(r));

    public static Job Read<TRow>(TRow r)
        where TRow : IJobRow
    {
        var counters = new JobCounters(r.Int64(21), r.Int64(22), r.Int64(23), r.Int64(24));
        return new Job
        {
            EntryNo = r.Int64(0),
            Id = r.Guid(1),
            ReportId = r.Int32(2),
            Description = r.String(3),
            ShopCode = r.String(4),
            CategoryCode = r.String(5),
            Priority = r.Int32(6),
            Status = (JobStatus)r.Int32(7),
            EarliestStart = TimeCodec.FromTicks(r.Int64(8)),
            Expiration = r.IsNull(9) ? null : TimeCodec.FromTicks(r.Int64(9)),
            MaxAttempts = r.Int32(10),
            Attempts = r.Int32(11),
            RerunDelay = TimeSpan.FromMilliseconds(r.Int64(12)),
            Timeout = TimeSpan.FromMilliseconds(r.Int64(13)),
            Filters = ParameterCodec.DecodeFilters(r.String(14)),
            Options = ParameterCodec.DecodeOptions(r.String(15)),
            CreatedBy = r.String(16),
            ErrorMessage = r.IsNull(17) ? null : r.String(17),
            ErrorDetail = r.IsNull(18) ? null : r.String(18),
            LastProgress = r.IsNull(19) ? null : new JobProgress(r.Int32(19), r.IsNull(20) ? string.Empty : r.String(20), counters),
            Checkpoint = r.IsNull(25) ? null : r.String(25),
            CreatedAt = TimeCodec.FromTicks(r.Int64(26)),
            UpdatedAt = TimeCodec.FromTicks(r.Int64(27)),
            StartedAt = r.IsNull(28) ? null : TimeCodec.FromTicks(r.Int64(28)),
            EndedAt = r.IsNull(29) ? null : TimeCodec.FromTicks(r.Int64(29)),
            LastResult = (JobResult)r.Int32(30),
            ScheduleId = r.IsNull(31) ? null : r.Guid(31),
            OccurrenceUtc = r.IsNull(32) ? null : TimeCodec.FromTicks(r.Int64(32)),
            LeaseOwner = r.IsNull(33) ? null : r.String(33),
            LeaseExpiresAt = r.IsNull(34) ? null : TimeCodec.FromTicks(r.Int64(34)),
            FencingToken = r.Int64(35),
            CancelRequested = r.Int64(36) != 0,
            HoldRequested = r.Int64(37) != 0,
            LastEventSequence = r.Int64(38),
            TraceParent = r.IsNull(39) ? null : r.String(39),
        };
    }

    /// <summary>Runs a command expected to return at most one entry row.</summary>
    public static Job? ReadSingle(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>Runs a raw statement expected to return at most one entry row.</summary>
    public static Job? ReadSingle(RawStatement statement)
    {
        try
        {
            return statement.Step() ? Read(statement) : null;
        }
        finally
        {
            statement.Reset();
        }
    }
}
