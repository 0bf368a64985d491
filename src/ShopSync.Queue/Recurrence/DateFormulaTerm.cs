namespace ShopSync.Queue.Recurrence;

/// <summary>One signed term of a date formula, e.g. <c>+1D</c>, <c>-CM</c>, <c>WD3</c>.</summary>
/// <param name="Negative">True for a leading '-'.</param>
/// <param name="Unit">The kind of term.</param>
/// <param name="Number">The count (D/W/M/Q/Y) or the ISO weekday 1..7 (WD); 0 for the C terms.</param>
internal sealed record DateFormulaTerm(bool Negative, DateFormulaUnit Unit, int Number)
{
    public DateOnly Apply(DateOnly date)
    {
        var sign = Negative ? -1 : 1;
        return Unit switch
        {
            DateFormulaUnit.Days => date.AddDays(sign * Number),
            DateFormulaUnit.Weeks => date.AddDays(7 * sign * Number),
            DateFormulaUnit.Months => date.AddMonths(sign * Number),
            DateFormulaUnit.Quarters => date.AddMonths(3 * sign * Number),
            DateFormulaUnit.Years => date.AddYears(sign * Number),
            DateFormulaUnit.CurrentDay => date,
            DateFormulaUnit.CurrentWeek => Negative
                ? date.AddDays(1 - IsoWeekday(date))
                : date.AddDays(7 - IsoWeekday(date)),
            DateFormulaUnit.CurrentMonth => Negative
                ? new DateOnly(date.Year, date.Month, 1)
                : new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month)),
            DateFormulaUnit.CurrentQuarter => QuarterBoundary(date, Negative),
            DateFormulaUnit.CurrentYear => Negative ? new DateOnly(date.Year, 1, 1) : new DateOnly(date.Year, 12, 31),
            DateFormulaUnit.Weekday => NextWeekday(date, Number, Negative),
            _ => throw new InvalidOperationException($"Unknown date formula unit {Unit}."),
        };
    }

    /// <summary>1 = Monday … 7 = Sunday, as in the ERP's calendar.</summary>
    internal static int IsoWeekday(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    private static DateOnly QuarterBoundary(DateOnly date, bool start)
    {
        var firstMonth = ((date.Month - 1) / 3 * 3) + 1;
        if (start)
        {
            return new DateOnly(date.Year, firstMonth, 1);
        }

        var lastMonth = firstMonth + 2;
        return new DateOnly(date.Year, lastMonth, DateTime.DaysInMonth(date.Year, lastMonth));
    }

    // WDn moves to the next weekday n strictly after the date (a date already on weekday n moves a whole
    // week); -WDn mirrors it backwards.
    private static DateOnly NextWeekday(DateOnly date, int weekday, bool backwards)
    {
        var today = IsoWeekday(date);
        if (backwards)
        {
            var back = (today - weekday + 7) % 7;
            return date.AddDays(-(back == 0 ? 7 : back));
        }

        var ahead = (weekday - today + 7) % 7;
        return date.AddDays(ahead == 0 ? 7 : ahead);
    }
}
