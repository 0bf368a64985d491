using System.Globalization;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Recurrence;
using ShopSync.Queue.Scheduling;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Schedules;

/// <summary>Between <see cref="StoredSchedule"/> and <see cref="ScheduleRow"/>.</summary>
internal static class ScheduleRowMapper
{
    private const string TimeFormat = "HH':'mm':'ss";

    public static string Id(Guid id) => id.ToString("D");

    public static long? Ticks(DateTimeOffset? value) => value?.UtcTicks;

    public static DateTimeOffset? Instant(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public static ScheduleRow ToRow(StoredSchedule s)
    {
        var d = s.Definition;
        var r = d.Recurrence;
        var row = new ScheduleRow
        {
            Id = Id(s.Id),
            ShopCode = d.ShopCode,
            ReportId = d.ReportId,
            Description = d.Description,
            CategoryCode = d.CategoryCode,
            Priority = d.Priority,
            Filters = ParameterCodec.EncodeFilters(d.Filters),
            Options = ParameterCodec.EncodeOptions(d.Options),
            MaxAttempts = d.MaxAttempts,
            RerunDelayMs = d.RerunDelay is { } delay ? (long)delay.TotalMilliseconds : null,
            TimeoutMs = d.Timeout is { } timeout ? (long)timeout.TotalMilliseconds : null,
            TimeZone = r.TimeZone,
            EarliestStart = Ticks(r.EarliestStart),
            Expiration = Ticks(r.Expiration),
            Anchoring = (int)r.Anchoring,
            CatchUp = (int)r.CatchUp,
            CatchUpLimit = r.CatchUpLimit,
            Overlap = (int)r.Overlap,
            OnFailure = (int)r.OnFailure,
            State = (int)s.State,
            NextOccurrence = Ticks(s.NextOccurrence),
            LastOccurrence = Ticks(s.LastOccurrence),
            LastRunAt = Ticks(s.LastRunAt),
            LastResult = (int)s.LastResult,
            CurrentJobId = s.CurrentJobId?.ToString("D"),
            CreatedAt = s.CreatedAt.UtcTicks,
            UpdatedAt = s.UpdatedAt.UtcTicks,
            Version = s.Version,
        };
        switch (r.Form)
        {
            case WeeklyForm w:
                row.Form = 1;
                row.Weekdays = (int)w.Weekdays;
                row.StartingTime = Time(w.StartingTime);
                row.EndingTime = Time(w.EndingTime);
                row.MinutesBetweenRuns = w.MinutesBetweenRuns;
                break;
            case DateFormulaForm f:
                row.Form = 2;
                row.Formula = f.Formula;
                row.StartingTime = Time(f.StartingTime);
                break;
            case CronForm c:
                row.Form = 3;
                row.Cron = c.Expression;
                break;
            default:
                throw new ArgumentException($"unknown recurrence form {r.Form.GetType().Name}", nameof(s));
        }
        return row;
    }

    public static StoredSchedule FromRow(ScheduleRow row)
    {
        RecurrenceForm form = row.Form switch
        {
            1 => new WeeklyForm((RecurrenceWeekdays)row.Weekdays, ParseTime(row.StartingTime), ParseTime(row.EndingTime), row.MinutesBetweenRuns),
            2 => new DateFormulaForm(row.Formula ?? "", ParseTime(row.StartingTime)),
            _ => new CronForm(row.Cron ?? ""),
        };
        return new StoredSchedule
        {
            Id = Guid.Parse(row.Id),
            Definition = new ScheduleDefinition
            {
                ShopCode = row.ShopCode,
                ReportId = row.ReportId,
                Description = row.Description,
                CategoryCode = row.CategoryCode,
                Priority = row.Priority,
                Filters = ParameterCodec.DecodeFilters(row.Filters),
                Options = ParameterCodec.DecodeOptions(row.Options),
                MaxAttempts = row.MaxAttempts,
                RerunDelay = row.RerunDelayMs is { } delay ? TimeSpan.FromMilliseconds(delay) : null,
                Timeout = row.TimeoutMs is { } timeout ? TimeSpan.FromMilliseconds(timeout) : null,
                Recurrence = new RecurrenceSchedule
                {
                    TimeZone = row.TimeZone,
                    EarliestStart = Instant(row.EarliestStart),
                    Expiration = Instant(row.Expiration),
                    Form = form,
                    Anchoring = (RecurrenceAnchoring)row.Anchoring,
                    CatchUp = (RecurrenceCatchUp)row.CatchUp,
                    CatchUpLimit = row.CatchUpLimit,
                    Overlap = (RecurrenceOverlap)row.Overlap,
                    OnFailure = (RecurrenceFailurePolicy)row.OnFailure,
                },
            },
            State = (ScheduleState)row.State,
            NextOccurrence = Instant(row.NextOccurrence),
            LastOccurrence = Instant(row.LastOccurrence),
            LastRunAt = Instant(row.LastRunAt),
            LastResult = (JobResult)row.LastResult,
            CurrentJobId = row.CurrentJobId is { } job ? Guid.Parse(job) : null,
            CreatedAt = new DateTimeOffset(row.CreatedAt, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(row.UpdatedAt, TimeSpan.Zero),
            Version = row.Version,
        };
    }

    private static string? Time(TimeOnly? value) => value?.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static TimeOnly? ParseTime(string? value) =>
        value is null ? null : TimeOnly.ParseExact(value, TimeFormat, CultureInfo.InvariantCulture);
}
