using ShopSync.Queue.Recurrence;
using ShopSync.Queue.Scheduling;

namespace ShopSync.Queue.Tests.Scheduling;

internal static class ScheduleTestData
{
    /// <summary>Monday 2025-01-06 10:00:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 6, 10, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int minute, int second = 0) => Start.AddMinutes(minute).AddSeconds(second);

    public static ScheduleDefinition EveryMinute(int reportId, Func<RecurrenceSchedule, RecurrenceSchedule>? change = null, string? category = null)
    {
        var recurrence = new RecurrenceSchedule { Form = new CronForm("* * * * *") };
        return new ScheduleDefinition
        {
            ReportId = reportId,
            CategoryCode = category ?? "CAT" + reportId,
            MaxAttempts = 1,
            Recurrence = change is null ? recurrence : change(recurrence),
        };
    }
}
