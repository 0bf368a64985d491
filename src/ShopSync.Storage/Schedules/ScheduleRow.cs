namespace ShopSync.Storage.Schedules;

/// <summary>
/// A schedule as a table row (<c>schedules</c>), shared by both drivers. Instants are UTC ticks, as SQLite stores them to
/// compare and order them; the PostgreSQL driver binds them as timestamptz.
/// </summary>
internal sealed class ScheduleRow
{
    public string Id { get; set; } = "";

    public string ShopCode { get; set; } = "";

    public int ReportId { get; set; }

    public string Description { get; set; } = "";

    public string? CategoryCode { get; set; }

    public int? Priority { get; set; }

    public string Filters { get; set; } = "[]";

    public string Options { get; set; } = "[]";

    public int? MaxAttempts { get; set; }

    public long? RerunDelayMs { get; set; }

    public long? TimeoutMs { get; set; }

    public string TimeZone { get; set; } = "UTC";

    public long? EarliestStart { get; set; }

    public long? Expiration { get; set; }

    /// <summary>1 weekly, 2 date formula, 3 cron.</summary>
    public int Form { get; set; }

    public int Weekdays { get; set; }

    public string? StartingTime { get; set; }

    public string? EndingTime { get; set; }

    public int MinutesBetweenRuns { get; set; }

    public string? Formula { get; set; }

    public string? Cron { get; set; }

    public int Anchoring { get; set; }

    public int CatchUp { get; set; }

    public int CatchUpLimit { get; set; }

    public int Overlap { get; set; }

    public int OnFailure { get; set; }

    public int State { get; set; }

    public long? NextOccurrence { get; set; }

    public long? LastOccurrence { get; set; }

    public long? LastRunAt { get; set; }

    public int LastResult { get; set; }

    public string? CurrentJobId { get; set; }

    public long CreatedAt { get; set; }

    public long UpdatedAt { get; set; }

    public long Version { get; set; }
}
