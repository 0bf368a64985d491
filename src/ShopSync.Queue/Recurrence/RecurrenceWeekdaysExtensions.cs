namespace ShopSync.Queue.Recurrence;

/// <summary>Conversions between <see cref="RecurrenceWeekdays"/> and <see cref="DayOfWeek"/>.</summary>
public static class RecurrenceWeekdaysExtensions
{
    /// <summary>The flag of one <see cref="DayOfWeek"/>.</summary>
    public static RecurrenceWeekdays ToFlag(this DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => RecurrenceWeekdays.Monday,
        DayOfWeek.Tuesday => RecurrenceWeekdays.Tuesday,
        DayOfWeek.Wednesday => RecurrenceWeekdays.Wednesday,
        DayOfWeek.Thursday => RecurrenceWeekdays.Thursday,
        DayOfWeek.Friday => RecurrenceWeekdays.Friday,
        DayOfWeek.Saturday => RecurrenceWeekdays.Saturday,
        _ => RecurrenceWeekdays.Sunday,
    };

    /// <summary>True when <paramref name="day"/> is in the set.</summary>
    public static bool Contains(this RecurrenceWeekdays days, DayOfWeek day) => (days & day.ToFlag()) != 0;
}
