namespace ShopSync.Queue.Recurrence;

/// <summary>
/// A parsed ERP date formula: terms applied left to right to a date. Grammar and meaning: docs/recurrence.md.
/// </summary>
internal sealed class DateFormula
{
    private DateFormula(string text, IReadOnlyList<DateFormulaTerm> terms)
    {
        Text = text;
        Terms = terms;
        var pureDays = terms.All(t => t.Unit is DateFormulaUnit.Days or DateFormulaUnit.Weeks or DateFormulaUnit.CurrentDay);
        if (pureDays)
        {
            ConstantDayDelta = terms.Sum(t => t.Unit switch
            {
                DateFormulaUnit.Days => t.Negative ? -t.Number : t.Number,
                DateFormulaUnit.Weeks => 7 * (t.Negative ? -t.Number : t.Number),
                _ => 0,
            });
        }
    }

    public string Text { get; }

    public IReadOnlyList<DateFormulaTerm> Terms { get; }

    /// <summary>Set when the formula only adds days and weeks, so a chain of it can be jumped arithmetically.</summary>
    public int? ConstantDayDelta { get; }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> names the offending part.</summary>
    public static DateFormula? TryParse(string? text, out string? error)
    {
        var terms = DateFormulaParser.Parse(text, out error);
        return terms is null ? null : new DateFormula(text!.Trim(), terms);
    }

    /// <summary>The date the formula gives from <paramref name="date"/>; null past the end of the calendar.</summary>
    public DateOnly? Apply(DateOnly date)
    {
        try
        {
            foreach (var term in Terms)
            {
                date = term.Apply(date);
            }

            return date;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// A date from which the formula does not move forward, or null when it always does. A chain of such a
    /// formula would repeat one day forever, so schedules reject it. Six years cover every month length, leap
    /// day and weekday combination.
    /// </summary>
    public (DateOnly From, DateOnly To)? FindNonAdvancingDate()
    {
        for (var date = new DateOnly(2023, 1, 1); date <= new DateOnly(2028, 12, 31); date = date.AddDays(1))
        {
            var next = Apply(date);
            if (next is { } to && to <= date)
            {
                return (date, to);
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
