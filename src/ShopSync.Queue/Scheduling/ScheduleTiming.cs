using ShopSync.Queue.Recurrence;

namespace ShopSync.Queue.Scheduling;

/// <summary>The runner's decisions about time, on top of <see cref="RecurrenceCalculator"/>; pure and clock-free.</summary>
internal static class ScheduleTiming
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    /// <summary>The first occurrence at or after <paramref name="from"/>; null when the schedule has expired.</summary>
    public static DateTimeOffset? First(RecurrenceSchedule schedule, DateTimeOffset from) =>
        RecurrenceCalculator.Preview(schedule, from, 1) is [var first] ? first : null;

    /// <summary>
    /// The decision for a schedule whose next occurrence <paramref name="due"/> is at or before <paramref name="now"/>.
    /// The latest due occurrence runs when it is at most <paramref name="misfire"/> late; older ones were missed and
    /// follow the catch-up policy. Fixed delay: a run parks the schedule until the run ends.
    /// </summary>
    public static DuePlan WhenDue(RecurrenceSchedule schedule, DateTimeOffset due, DateTimeOffset now, TimeSpan misfire)
    {
        var onTime = now - due <= misfire;
        if (schedule.Anchoring == RecurrenceAnchoring.FixedDelay)
        {
            if (onTime || schedule.CatchUp != RecurrenceCatchUp.Skip)
            {
                return new DuePlan([due], null, due, onTime ? 0 : 1);
            }
            return new DuePlan([], RecurrenceCalculator.NextOccurrence(schedule, now), due, 1);
        }

        var following = RecurrenceCalculator.NextOccurrence(schedule, due);
        if (following is null || following > now)
        {
            // The common case: exactly one occurrence is due.
            var run = onTime || schedule.CatchUp != RecurrenceCatchUp.Skip;
            return new DuePlan(run ? [due] : [], following, due, onTime ? 0 : 1);
        }

        var latest = RecurrenceCalculator.Plan(schedule with { CatchUp = RecurrenceCatchUp.Once }, due - Tick, now).RunNow[^1];
        var next = RecurrenceCalculator.NextOccurrence(schedule, now);
        var latestOnTime = now - latest <= misfire;
        var missedUntil = latestOnTime ? latest - Tick : now;
        var missed = missedUntil >= due ? RecurrenceCalculator.Plan(schedule, due - Tick, missedUntil) : null;
        var runs = new List<DateTimeOffset>(missed?.RunNow ?? []);
        if (latestOnTime)
        {
            runs.Add(latest);
        }
        return new DuePlan(runs, next, latest, missed?.Missed == true ? Math.Max(1, missed.RunNow.Count) : 0);
    }

    /// <summary>
    /// The next occurrence when a paused (or stopped) schedule resumes: the first one after the last handled one,
    /// so the runner applies the catch-up policy to what fell into the pause.
    /// </summary>
    public static DateTimeOffset? OnResume(StoredSchedule schedule)
    {
        var recurrence = schedule.Definition.Recurrence;
        var start = recurrence.EarliestStart ?? schedule.CreatedAt;
        if (recurrence.Anchoring == RecurrenceAnchoring.FixedDelay && schedule.LastRunAt is { } ended && schedule.LastOccurrence is { } last)
        {
            return RecurrenceCalculator.AfterRun(recurrence, last, ended).Next;
        }
        return schedule.LastOccurrence is { } handled
            ? RecurrenceCalculator.NextOccurrence(recurrence, handled)
            : First(recurrence, start);
    }
}
