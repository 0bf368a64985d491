namespace ShopSync.Queue.Recurrence;

/// <summary>What one term of a date formula does.</summary>
internal enum DateFormulaUnit
{
    Days,
    Weeks,
    Months,
    Quarters,
    Years,
    CurrentDay,
    CurrentWeek,
    CurrentMonth,
    CurrentQuarter,
    CurrentYear,
    Weekday,
}
