using System.Globalization;

namespace ShopSync.Queue.Recurrence;

/// <summary>
/// Checks a <see cref="RecurrenceSchedule"/> and reads the proto's text fields. Every error names the proto
/// field path (e.g. <c>schedule.weekly.ending_time</c>) and says what is wrong.
/// </summary>
public static class ScheduleValidator
{
    /// <summary>The default field path of the schedule message.</summary>
    public const string DefaultPrefix = "schedule";

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"];

    /// <summary>All problems with <paramref name="schedule"/>; empty when it is valid.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="prefix">Field path of the schedule message, e.g. <c>definition.schedule</c>.</param>
    public static IReadOnlyList<ScheduleError> Validate(RecurrenceSchedule schedule, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var errors = new List<ScheduleError>();
        if (!TooLong(schedule.TimeZone, Entries.RequestLimits.ZoneLength, $"{prefix}.time_zone", errors)
            && ScheduleParts.FindZone(schedule.TimeZone) is null)
        {
            errors.Add(new($"{prefix}.time_zone", $"unknown time zone '{Entries.RequestLimits.Quote(schedule.TimeZone)}'; use an IANA id such as 'Europe/Oslo' (empty = UTC)"));
        }

        if (schedule.EarliestStart is { } start && schedule.Expiration is { } end && end <= start)
        {
            errors.Add(new($"{prefix}.expiration", $"expiration {end:O} must be after earliest_start {start:O}"));
        }

        if (schedule.CatchUpLimit is < 0 or > RecurrenceSchedule.MaxCatchUpLimit)
        {
            errors.Add(new($"{prefix}.catch_up_limit", $"must be 1..{RecurrenceSchedule.MaxCatchUpLimit} (0 = {RecurrenceSchedule.DefaultCatchUpLimit}); got {schedule.CatchUpLimit}"));
        }

        CheckEnum(schedule.Anchoring, $"{prefix}.anchoring", errors);
        CheckEnum(schedule.CatchUp, $"{prefix}.catch_up", errors);
        CheckEnum(schedule.Overlap, $"{prefix}.overlap", errors);
        CheckEnum(schedule.OnFailure, $"{prefix}.on_failure", errors);
        switch (schedule.Form)
        {
            case WeeklyForm weekly:
                ValidateWeekly(weekly, $"{prefix}.weekly", errors);
                break;
            case DateFormulaForm formula:
                if (!TooLong(formula.Formula, Entries.RequestLimits.FormulaLength, $"{prefix}.date_formula.formula", errors)
                    && ScheduleParts.ParseFormula(formula.Formula, out var formulaError) is null)
                {
                    errors.Add(new($"{prefix}.date_formula.formula", formulaError!));
                }

                break;
            case CronForm cron:
                if (!TooLong(cron.Expression, Entries.RequestLimits.CronLength, $"{prefix}.cron.expression", errors)
                    && ScheduleParts.ParseCron(cron.Expression, out var cronError) is null)
                {
                    errors.Add(new($"{prefix}.cron.expression", cronError!));
                }

                break;
            default:
                errors.Add(new($"{prefix}.form", "one of weekly (weekday flags), date_formula or cron is required: a recurring entry needs a weekday or a formula"));
                break;
        }

        return errors;
    }

    /// <summary>Adds a length error (checked before any parsing or caching); true when the text is too long.</summary>
    private static bool TooLong(string? text, int limit, string field, List<ScheduleError> errors)
    {
        if (text is null || text.Length <= limit)
        {
            return false;
        }

        errors.Add(new(field, $"must be at most {limit} characters (got {text.Length})"));
        return true;
    }

    /// <summary>Reads "HH:MM" or "HH:MM:SS"; empty or null gives null (the field's default).</summary>
    public static bool TryParseTimeOfDay(string? text, string field, out TimeOnly? time, out ScheduleError? error)
    {
        time = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            time = parsed;
            return true;
        }

        error = new(field, $"'{Entries.RequestLimits.Quote(text)}' is not a time of day; use HH:MM or HH:MM:SS (00:00 to 23:59:59)");
        return false;
    }

    /// <summary>Reads weekday numbers 1 = Monday … 7 = Sunday (the proto's Weekday values).</summary>
    public static bool TryParseWeekdays(IEnumerable<int> weekdays, string field, out RecurrenceWeekdays days, out ScheduleError? error)
    {
        ArgumentNullException.ThrowIfNull(weekdays);
        days = RecurrenceWeekdays.None;
        error = null;
        var index = 0;
        foreach (var number in weekdays)
        {
            if (number is < 1 or > 7)
            {
                error = new($"{field}[{index}]", $"{number} is not a weekday (1 = Monday … 7 = Sunday; WEEKDAY_UNSPECIFIED is not allowed)");
                return false;
            }

            days |= (RecurrenceWeekdays)(1 << (number - 1));
            index++;
        }

        return true;
    }

    private static void ValidateWeekly(WeeklyForm weekly, string path, List<ScheduleError> errors)
    {
        if ((weekly.Weekdays & RecurrenceWeekdays.All) == RecurrenceWeekdays.None)
        {
            errors.Add(new($"{path}.weekdays", "at least one weekday must be set (a recurring entry needs a weekday or a date formula)"));
        }

        if (weekly.MinutesBetweenRuns is < 0 or > 1440)
        {
            errors.Add(new($"{path}.minutes_between_runs", $"must be 1..1440 (0 = 1440, once a day); got {weekly.MinutesBetweenRuns}"));
        }

        var start = weekly.StartingTime ?? TimeOnly.MinValue;
        if (weekly.EndingTime is { } end && end == start)
        {
            errors.Add(new($"{path}.ending_time", $"ending_time {end:HH\\:mm\\:ss} equals starting_time: the window would be empty (leave ending_time empty for end of day)"));
        }
    }

    private static void CheckEnum<T>(T value, string field, List<ScheduleError> errors)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(new(field, $"unknown value {value}"));
        }
    }
}
