namespace ShopSync.Queue.Recurrence;

/// <summary>A set of weekdays: the ERP's "Run on Mondays" … "Run on Sundays" flags.</summary>
[Flags]
public enum RecurrenceWeekdays
{
    /// <summary>No weekday.</summary>
    None = 0,

    /// <summary>Monday.</summary>
    Monday = 1,

    /// <summary>Tuesday.</summary>
    Tuesday = 2,

    /// <summary>Wednesday.</summary>
    Wednesday = 4,

    /// <summary>Thursday.</summary>
    Thursday = 8,

    /// <summary>Friday.</summary>
    Friday = 16,

    /// <summary>Saturday.</summary>
    Saturday = 32,

    /// <summary>Sunday.</summary>
    Sunday = 64,

    /// <summary>Monday to Friday.</summary>
    WorkDays = Monday | Tuesday | Wednesday | Thursday | Friday,

    /// <summary>Every day.</summary>
    All = WorkDays | Saturday | Sunday,
}
