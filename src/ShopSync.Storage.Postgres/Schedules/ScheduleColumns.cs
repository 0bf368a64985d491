using Npgsql;
using ShopSync.Storage.Schedules;

namespace ShopSync.Storage.Postgres.Schedules;

/// <summary>
/// The <c>schedules</c> columns between <see cref="ScheduleRow"/> (the mapping both drivers share, instants as UTC
/// ticks) and PostgreSQL's types (uuid, timestamptz).
/// </summary>
internal static class ScheduleColumns
{
    public static readonly string[] Names =
    [
        "id", "shop_code", "report_id", "description", "category_code", "priority", "filters", "options", "max_attempts",
        "rerun_delay_ms", "timeout_ms", "time_zone", "earliest_start", "expiration", "form", "weekdays", "starting_time",
        "ending_time", "minutes_between_runs", "formula", "cron", "anchoring", "catch_up", "catch_up_limit", "overlap",
        "on_failure", "state", "next_occurrence", "last_occurrence", "last_run_at", "last_result", "current_job_id",
        "created_at", "updated_at", "version",
    ];

    public static readonly string List = string.Join(", ", Names);

    /// <summary>INSERT of every column ($1..$35 in <see cref="Names"/> order).</summary>
    public static readonly string InsertSql =
        $"INSERT INTO schedules ({List}) VALUES ({string.Join(", ", Names.Select((_, i) => "$" + (i + 1)))})";

    /// <summary>UPDATE of every column but the id ($1 the id, $2..$35 the values, $36 the expected version).</summary>
    public static readonly string ReplaceSql =
        $"UPDATE schedules SET {string.Join(", ", Names.Skip(1).Select((n, i) => $"{n} = ${i + 2}"))} WHERE id = $1 AND version = ${Names.Length + 1}";

    /// <summary>The values of <paramref name="r"/> in <see cref="Names"/> order.</summary>
    public static object?[] Values(ScheduleRow r) =>
    [
        Guid.Parse(r.Id), r.ShopCode, r.ReportId, r.Description, r.CategoryCode, r.Priority, r.Filters, r.Options, r.MaxAttempts,
        r.RerunDelayMs, r.TimeoutMs, r.TimeZone, Instant(r.EarliestStart), Instant(r.Expiration), r.Form, r.Weekdays, r.StartingTime,
        r.EndingTime, r.MinutesBetweenRuns, r.Formula, r.Cron, r.Anchoring, r.CatchUp, r.CatchUpLimit, r.Overlap,
        r.OnFailure, r.State, Instant(r.NextOccurrence), Instant(r.LastOccurrence), Instant(r.LastRunAt), r.LastResult,
        r.CurrentJobId is { } job ? Guid.Parse(job) : null, Instant(r.CreatedAt), Instant(r.UpdatedAt), r.Version,
    ];

    /// <summary>A row read with <see cref="List"/>.</summary>
    public static ScheduleRow Read(NpgsqlDataReader r) => new()
    {
        Id = ScheduleRowMapper.Id(r.GetGuid(0)),
        ShopCode = r.GetString(1),
        ReportId = r.GetInt32(2),
        Description = r.GetString(3),
        CategoryCode = r.IsDBNull(4) ? null : r.GetString(4),
        Priority = r.IsDBNull(5) ? null : r.GetInt32(5),
        Filters = r.GetString(6),
        Options = r.GetString(7),
        MaxAttempts = r.IsDBNull(8) ? null : r.GetInt32(8),
        RerunDelayMs = r.IsDBNull(9) ? null : r.GetInt64(9),
        TimeoutMs = r.IsDBNull(10) ? null : r.GetInt64(10),
        TimeZone = r.GetString(11),
        EarliestStart = Ticks(r, 12),
        Expiration = Ticks(r, 13),
        Form = r.GetInt32(14),
        Weekdays = r.GetInt32(15),
        StartingTime = r.IsDBNull(16) ? null : r.GetString(16),
        EndingTime = r.IsDBNull(17) ? null : r.GetString(17),
        MinutesBetweenRuns = r.GetInt32(18),
        Formula = r.IsDBNull(19) ? null : r.GetString(19),
        Cron = r.IsDBNull(20) ? null : r.GetString(20),
        Anchoring = r.GetInt32(21),
        CatchUp = r.GetInt32(22),
        CatchUpLimit = r.GetInt32(23),
        Overlap = r.GetInt32(24),
        OnFailure = r.GetInt32(25),
        State = r.GetInt32(26),
        NextOccurrence = Ticks(r, 27),
        LastOccurrence = Ticks(r, 28),
        LastRunAt = Ticks(r, 29),
        LastResult = r.GetInt32(30),
        CurrentJobId = r.IsDBNull(31) ? null : ScheduleRowMapper.Id(r.GetGuid(31)),
        CreatedAt = Ticks(r, 32)!.Value,
        UpdatedAt = Ticks(r, 33)!.Value,
        Version = r.GetInt64(34),
    };

    /// <summary>timestamptz from UTC ticks (offset zero, as Npgsql requires).</summary>
    public static object? Instant(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>A nullable timestamptz as UTC ticks.</summary>
    public static long? Ticks(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetFieldValue<DateTimeOffset>(ordinal).UtcTicks;
}
