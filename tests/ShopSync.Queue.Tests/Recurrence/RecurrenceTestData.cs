using System.Globalization;
using ShopSync.Queue.Recurrence;

namespace ShopSync.Queue.Tests.Recurrence;

/// <summary>Instants and schedules shared by the recurrence tests.</summary>
internal static class RecurrenceTestData
{
    public const string Oslo = "Europe/Oslo";
    public const string NewYork = "America/New_York";

    /// <summary>An exact UTC instant from "yyyy-MM-ddTHH:mm[:ss]Z".</summary>
    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static TimeOnly T(string text) => TimeOnly.Parse(text, CultureInfo.InvariantCulture);

    public static RecurrenceSchedule Weekly(
        RecurrenceWeekdays days,
        string? start,
        string? end,
        int minutes,
        string zone = "UTC") => new()
        {
            TimeZone = zone,
            Form = new WeeklyForm(days, start is null ? null : T(start), end is null ? null : T(end), minutes),
        };

    public static RecurrenceSchedule Formula(string formula, string? start, string zone = "UTC", DateTimeOffset? earliest = null) => new()
    {
        TimeZone = zone,
        EarliestStart = earliest,
        Form = new DateFormulaForm(formula, start is null ? null : T(start)),
    };

    public static RecurrenceSchedule Cron(string expression, string zone = "UTC") => new()
    {
        TimeZone = zone,
        Form = new CronForm(expression),
    };

    public static string[] Iso(IEnumerable<DateTimeOffset> instants) =>
        instants.Select(i => i.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).ToArray();

    public static string Iso(DateTimeOffset? instant) =>
        instant is { } value ? Iso([value])[0] : "null";
}
