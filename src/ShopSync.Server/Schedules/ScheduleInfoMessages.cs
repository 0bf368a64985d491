using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ShopSync.Queue.Recurrence;
using ShopSync.Queue.Scheduling;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Schedules;

/// <summary>Stored schedules as <see cref="V1.ScheduleInfo"/> messages.</summary>
internal static class ScheduleInfoMessages
{
    public static V1.ScheduleInfo ToMessage(StoredSchedule s)
    {
        var d = s.Definition;
        var info = new V1.ScheduleInfo
        {
            Id = s.Id.ToString("D"),
            ShopCode = d.ShopCode,
            ReportId = d.ReportId,
            Description = d.Description,
            CategoryCode = d.CategoryCode ?? "",
            Priority = d.Priority ?? 0,
            MaxAttempts = d.MaxAttempts ?? 0,
            RerunDelay = d.RerunDelay is { } delay ? Duration.FromTimeSpan(delay) : null,
            Timeout = d.Timeout is { } timeout ? Duration.FromTimeSpan(timeout) : null,
            Schedule = ToMessage(d.Recurrence),
            Status = s.State switch
            {
                ScheduleState.OnHold => V1.JobStatus.OnHold,
                ScheduleState.Error => V1.JobStatus.Error,
                _ => V1.JobStatus.Ready,
            },
            NextRun = Time(s.NextOccurrence),
            LastRun = Time(s.LastRunAt),
            LastResult = (V1.JobResult)(int)s.LastResult,
            CurrentJobId = s.CurrentJobId?.ToString("D") ?? "",
            CreatedAt = Timestamp.FromDateTimeOffset(s.CreatedAt),
        };
        info.Filters.AddRange(d.Filters.Select(f => new V1.RequestPageFilter { Field = f.Field, Expression = f.Expression }));
        info.Options.AddRange(d.Options.Select(o => new V1.RequestPageOption { Name = o.Name, Value = o.Value }));
        return info;
    }

    public static V1.RecurringSchedule ToMessage(RecurrenceSchedule r)
    {
        var m = new V1.RecurringSchedule
        {
            TimeZone = r.TimeZone,
            EarliestStart = Time(r.EarliestStart),
            Expiration = Time(r.Expiration),
            Anchoring = r.Anchoring == RecurrenceAnchoring.FixedDelay ? V1.Anchoring.FixedDelay : V1.Anchoring.FixedRate,
            CatchUp = r.CatchUp switch
            {
                RecurrenceCatchUp.Once => V1.CatchUpPolicy.Once,
                RecurrenceCatchUp.All => V1.CatchUpPolicy.All,
                _ => V1.CatchUpPolicy.Skip,
            },
            CatchUpLimit = r.CatchUpLimit,
            Overlap = r.Overlap == RecurrenceOverlap.BufferOne ? V1.OverlapPolicy.BufferOne : V1.OverlapPolicy.Skip,
            OnFailure = r.OnFailure == RecurrenceFailurePolicy.KeepRecurring ? V1.FailurePolicy.KeepRecurring : V1.FailurePolicy.Stop,
        };
        switch (r.Form)
        {
            case WeeklyForm w:
                var weekly = new V1.WeeklyRecurrence
                {
                    StartingTime = TimeOfDay(w.StartingTime),
                    EndingTime = TimeOfDay(w.EndingTime),
                    MinutesBetweenRuns = w.MinutesBetweenRuns,
                };
                for (var day = 1; day <= 7; day++)
                {
                    if (((int)w.Weekdays & (1 << (day - 1))) != 0)
                    {
                        weekly.Weekdays.Add((V1.Weekday)day);
                    }
                }
                m.Weekly = weekly;
                break;
            case DateFormulaForm f:
                m.DateFormula = new V1.DateFormulaRecurrence { Formula = f.Formula, StartingTime = TimeOfDay(f.StartingTime) };
                break;
            case CronForm c:
                m.Cron = new V1.CronRecurrence { Expression = c.Expression };
                break;
        }
        return m;
    }

    private static Timestamp? Time(DateTimeOffset? value) => value is { } v ? Timestamp.FromDateTimeOffset(v) : null;

    private static string TimeOfDay(TimeOnly? value) =>
        value?.ToString(value.Value.Second == 0 ? "HH':'mm" : "HH':'mm':'ss", CultureInfo.InvariantCulture) ?? "";
}
