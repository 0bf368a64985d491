using System.Globalization;

namespace ShopSync.Queue.Recurrence;

/// <summary>
/// The pure, deterministic recurrence computations. Every result is an exact UTC instant (offset zero), fit to
/// be a unique key (schedule id, occurrence). Invalid schedules throw <see cref="ArgumentException"/> carrying the
/// <see cref="ScheduleValidator"/> messages; validate at the API boundary first.
/// </summary>
public static class RecurrenceCalculator
{
    /// <summary>
    /// The first fixed-rate occurrence strictly after <paramref name="after"/> (never before the earliest start);
    /// null when it would fall after the expiration. A date formula without an earliest start chains from the
    /// local date of <paramref name="after"/>.
    /// </summary>
    public static DateTimeOffset? NextOccurrence(RecurrenceSchedule schedule, DateTimeOffset after) =>
        CompiledSchedule.For(schedule).Next(after, after);

    /// <summary>
    /// Up to <paramref name="count"/> occurrences at or after <paramref name="from"/>, in order. Runs are taken to
    /// last no time, so a fixed-delay preview equals the fixed-rate one.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Preview(RecurrenceSchedule schedule, DateTimeOffset from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var compiled = CompiledSchedule.For(schedule);
        var runs = new List<DateTimeOffset>(Math.Min(count, 1000));
        var cursor = from.AddTicks(-1);
        var anchor = from;
        while (runs.Count < count && compiled.Next(cursor, anchor) is { } next)
        {
            runs.Add(next);
            cursor = next;
            anchor = next;
        }

        return runs;
    }

    /// <summary>
    /// What follows a run of <paramref name="occurrence"/> that finished at <paramref name="completedAt"/>.
    /// Fixed rate: the next grid point after the completion (no drift, no burst) and, with
    /// <see cref="RecurrenceOverlap.BufferOne"/>, the latest occurrence that fell during the run to run now.
    /// Fixed delay: the ERP rule from the completion (weekly: completion + minutes inside a window, else the next
    /// window opening; formula: the formula applied to the completion date; cron: next match after completion).
    /// </summary>
    public static RunFollowUp AfterRun(RecurrenceSchedule schedule, DateTimeOffset occurrence, DateTimeOffset completedAt)
    {
        var compiled = CompiledSchedule.For(schedule);
        if (schedule.Anchoring == RecurrenceAnchoring.FixedDelay)
        {
            return new RunFollowUp(null, compiled.NextAfterCompletion(completedAt));
        }

        var next = compiled.Next(completedAt, occurrence);
        DateTimeOffset? buffered = null;
        if (schedule.Overlap == RecurrenceOverlap.BufferOne && !compiled.IsExpired(completedAt))
        {
            var overlapped = Latest(compiled, occurrence, completedAt, 1);
            buffered = overlapped.Count > 0 ? overlapped[0] : null;
        }

        return new RunFollowUp(buffered, next);
    }

    /// <summary>
    /// The catch-up decision at <paramref name="now"/>. Fixed rate: the occurrences in
    /// (<paramref name="lastOccurrence"/>, <paramref name="now"/>] were missed; Skip runs none, Once runs the
    /// latest as the stand-in for all, All runs the latest <see cref="RecurrenceSchedule.EffectiveCatchUpLimit"/>.
    /// Fixed delay: pass the last run's completion as <paramref name="lastOccurrence"/>; the one run due since
    /// then is missed, and Once and All run it (keyed by its due time) while Skip drops it.
    /// Nothing runs once the schedule has expired.
    /// </summary>
    public static CatchUpPlan Plan(RecurrenceSchedule schedule, DateTimeOffset lastOccurrence, DateTimeOffset now)
    {
        var compiled = CompiledSchedule.For(schedule);
        var fixedDelay = schedule.Anchoring == RecurrenceAnchoring.FixedDelay;
        var first = fixedDelay ? compiled.NextAfterCompletion(lastOccurrence) : compiled.Next(lastOccurrence, lastOccurrence);
        if (first is not { } missed || missed > now)
        {
            return new CatchUpPlan([], first, null);
        }

        var next = compiled.Next(now, fixedDelay ? now : missed);
        if (compiled.IsExpired(now))
        {
            return new CatchUpPlan([], null, missed);
        }

        IReadOnlyList<DateTimeOffset> runs = schedule.CatchUp switch
        {
            RecurrenceCatchUp.Skip => [],
            _ when fixedDelay => [missed],
            RecurrenceCatchUp.Once => Latest(compiled, lastOccurrence, now, 1),
            _ => Latest(compiled, lastOccurrence, now, schedule.EffectiveCatchUpLimit),
        };
        return new CatchUpPlan(runs, next, missed);
    }

    /// <summary>An occurrence as local ISO 8601 with offset in the schedule's zone, e.g. 2025-03-30T03:00:00+02:00.</summary>
    public static string FormatLocal(RecurrenceSchedule schedule, DateTimeOffset instant)
    {
        var zone = CompiledSchedule.For(schedule).Clock.Zone;
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    // The latest `count` occurrences in (last, now], oldest first. It widens a window back from now instead of
    // walking from `last`, so a long outage of a minute schedule costs about `count` steps, not one per minute.
    private static List<DateTimeOffset> Latest(CompiledSchedule compiled, DateTimeOffset last, DateTimeOffset now, int count)
    {
        var span = TimeSpan.FromHours(1);
        while (true)
        {
            var from = now - span <= last ? last : now - span;
            var found = new Queue<DateTimeOffset>(count + 1);
            var cursor = from;
            var anchor = last;
            while (compiled.Next(cursor, anchor) is { } occurrence && occurrence <= now)
            {
                found.Enqueue(occurrence);
                if (found.Count > count)
                {
                    found.Dequeue();
                }

                cursor = occurrence;
                anchor = occurrence;
            }

            if (found.Count >= count || from == last)
            {
                return [.. found];
            }

            span *= 4;
        }
    }
}
