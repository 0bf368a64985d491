using Google.Rpc;
using Grpc.Core;
using ShopSync.Queue.Recurrence;
using ShopSync.Server.Grpc;
using ShopSync.Server.Jobs;
using V1 = ShopSync.Contracts.V1;

namespace ShopSync.Server.Schedules;

/// <summary>Reads and writes <see cref="V1.RecurringSchedule"/>; every problem names its proto field path.</summary>
internal static class ScheduleMessages
{
    /// <summary>The schedule a message describes, validated. Errors become INVALID_ARGUMENT with every violation.</summary>
    public static RecurrenceSchedule ToSchedule(V1.RecurringSchedule? m, string prefix)
    {
        if (m is null)
        {
            throw RpcErrors.InvalidArgument(prefix, "is required");
        }
        var errors = new List<ScheduleError>();
        RecurrenceForm? form = null;
        switch (m.FormCase)
        {
            case V1.RecurringSchedule.FormOneofCase.Weekly:
                var w = m.Weekly;
                ScheduleValidator.TryParseWeekdays(w.Weekdays.Select(d => (int)d), $"{prefix}.weekly.weekdays", out var days, out var daysError);
                ScheduleValidator.TryParseTimeOfDay(w.StartingTime, $"{prefix}.weekly.starting_time", out var start, out var startError);
                ScheduleValidator.TryParseTimeOfDay(w.EndingTime, $"{prefix}.weekly.ending_time", out var end, out var endError);
                errors.AddRange(new[] { daysError, startError, endError }.OfType<ScheduleError>());
                form = new WeeklyForm(days, start, end, w.MinutesBetweenRuns);
                break;
            case V1.RecurringSchedule.FormOneofCase.DateFormula:
                ScheduleValidator.TryParseTimeOfDay(m.DateFormula.StartingTime, $"{prefix}.date_formula.starting_time", out var at, out var atError);
                errors.AddRange(new[] { atError }.OfType<ScheduleError>());
                form = new DateFormulaForm(m.DateFormula.Formula, at);
                break;
            case V1.RecurringSchedule.FormOneofCase.Cron:
                form = new CronForm(m.Cron.Expression);
                break;
            default:
                errors.Add(new ScheduleError(prefix, "set one form: weekly (weekdays and a window), date_formula or cron"));
                break;
        }
        var schedule = form is null ? null : new RecurrenceSchedule
        {
            TimeZone = m.TimeZone.Length == 0 ? "UTC" : m.TimeZone,
            EarliestStart = JobRequests.Time(m.EarliestStart, $"{prefix}.earliest_start"),
            Expiration = JobRequests.Time(m.Expiration, $"{prefix}.expiration"),
            Form = form,
            Anchoring = m.Anchoring == V1.Anchoring.FixedDelay ? RecurrenceAnchoring.FixedDelay : RecurrenceAnchoring.FixedRate,
            CatchUp = m.CatchUp switch
            {
                V1.CatchUpPolicy.Once => RecurrenceCatchUp.Once,
                V1.CatchUpPolicy.All => RecurrenceCatchUp.All,
                _ => RecurrenceCatchUp.Skip,
            },
            CatchUpLimit = m.CatchUpLimit,
            Overlap = m.Overlap == V1.OverlapPolicy.BufferOne ? RecurrenceOverlap.BufferOne : RecurrenceOverlap.Skip,
            OnFailure = m.OnFailure == V1.FailurePolicy.KeepRecurring ? RecurrenceFailurePolicy.KeepRecurring : RecurrenceFailurePolicy.Stop,
        };
        if (schedule is not null && errors.Count == 0)
        {
            errors.AddRange(ScheduleValidator.Validate(schedule, prefix));
        }
        CheckEnum(m.Anchoring, $"{prefix}.anchoring", errors);
        CheckEnum(m.CatchUp, $"{prefix}.catch_up", errors);
        CheckEnum(m.Overlap, $"{prefix}.overlap", errors);
        CheckEnum(m.OnFailure, $"{prefix}.on_failure", errors);
        if (errors.Count > 0)
        {
            throw ToRpc(errors);
        }
        return schedule!;
    }

    public static RpcException ToRpc(IReadOnlyList<ScheduleError> errors)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(errors.Select(e => new BadRequest.Types.FieldViolation { Field = e.Field, Description = e.Message }));
        return RpcErrors.WithDetails(StatusCode.InvalidArgument, string.Join("; ", errors.Select(e => e.ToString())), badRequest);
    }

    private static void CheckEnum<T>(T value, string field, List<ScheduleError> errors)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(new ScheduleError(field, $"unknown value {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}"));
        }
    }
}
