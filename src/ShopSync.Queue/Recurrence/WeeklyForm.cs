namespace ShopSync.Queue.Recurrence;

/// <summary>
/// The ERP's form: weekday flags, a daily window [<see cref="StartingTime"/>, <see cref="EndingTime"/>) in local
/// time and a run every <see cref="MinutesBetweenRuns"/> inside it. A window whose end is not after its start
/// crosses midnight and belongs to the weekday on which it opens.
/// </summary>
/// <param name="Weekdays">The weekdays on which a window opens; at least one.</param>
/// <param name="StartingTime">Window opening; null = 00:00.</param>
/// <param name="EndingTime">Window end (exclusive); null = end of day (midnight).</param>
/// <param name="MinutesBetweenRuns">1..1440; 0 = 1440 (once per window).</param>
public sealed record WeeklyForm(
    RecurrenceWeekdays Weekdays,
    TimeOnly? StartingTime = null,
    TimeOnly? EndingTime = null,
    int MinutesBetweenRuns = 0) : RecurrenceForm
{
    /// <summary>The minutes between runs with the ERP default applied (0 → 1440).</summary>
    public int EffectiveMinutesBetweenRuns => MinutesBetweenRuns == 0 ? 1440 : MinutesBetweenRuns;
}
