namespace ShopSync.Queue.Recurrence;

/// <summary>
/// A date-formula schedule: a chain of dates d, F(d), F(F(d)) … each run at the starting time. The chain starts
/// at the local date of its anchor (the schedule's earliest start, else the instant the caller counts from).
/// </summary>
internal sealed class FormulaGrid : OccurrenceGrid
{
    private readonly DateFormula _formula;
    private readonly TimeOnly _time;

    public FormulaGrid(ZoneClock clock, DateFormula formula, TimeOnly? startingTime)
        : base(clock)
    {
        _formula = formula;
        _time = startingTime ?? TimeOnly.MinValue;
    }

    /// <inheritdoc />
    public override DateTimeOffset? Next(DateTimeOffset after, DateTimeOffset chainAnchor)
    {
        var date = DateOnly.FromDateTime(Clock.ToLocal(chainAnchor));
        var afterDate = DateOnly.FromDateTime(Clock.ToLocal(after));
        if (_formula.ConstantDayDelta is int delta && delta > 0)
        {
            // Jump whole periods; stop two days short so the time of day and zone offsets decide the rest.
            var days = afterDate.DayNumber - date.DayNumber - 2;
            if (days > delta)
            {
                date = date.AddDays(days / delta * delta);
            }
        }

        return FirstAfter(date, after);
    }

    /// <inheritdoc />
    public override DateTimeOffset? NextAfterCompletion(DateTimeOffset completedAt)
    {
        var date = _formula.Apply(DateOnly.FromDateTime(Clock.ToLocal(completedAt)));
        return date is { } next ? FirstAfter(next, completedAt) : null;
    }

    private DateTimeOffset? FirstAfter(DateOnly date, DateTimeOffset after)
    {
        while (true)
        {
            var instant = Clock.ToInstant(date.ToDateTime(_time));
            if (instant > after)
            {
                return instant;
            }

            if (_formula.Apply(date) is not { } next)
            {
                return null;
            }

            if (next <= date)
            {
                throw new InvalidOperationException($"Date formula '{_formula}' does not move {date:yyyy-MM-dd} forward.");
            }

            date = next;
        }
    }
}
