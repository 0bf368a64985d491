namespace ShopSync.Queue.Recurrence;

/// <summary>
/// The ERP's weekly form. Each allowed weekday D opens a window at D + start that closes at D + end, or at
/// D + 1 + end when the window crosses midnight; runs are at start, start + m, … while before the close, so
/// the grid re-anchors at every opening and never drifts.
/// </summary>
internal sealed class WeeklyGrid : WallClockGrid
{
    private static readonly long TicksPerDay = TimeSpan.TicksPerDay;

    private readonly RecurrenceWeekdays _weekdays;
    private readonly long _start;
    private readonly long _length;
    private readonly long _step;

    public WeeklyGrid(ZoneClock clock, WeeklyForm form)
        : base(clock)
    {
        _weekdays = form.Weekdays & RecurrenceWeekdays.All;
        if (_weekdays == RecurrenceWeekdays.None)
        {
            throw new ArgumentException("A weekly schedule needs at least one weekday.", nameof(form));
        }

        _start = (form.StartingTime ?? TimeOnly.MinValue).Ticks;
        var end = form.EndingTime?.Ticks ?? TicksPerDay;
        if (end == 0)
        {
            end = TicksPerDay;
        }

        _length = end > _start ? end - _start : TicksPerDay - _start + end;
        _step = form.EffectiveMinutesBetweenRuns * TimeSpan.TicksPerMinute;
    }

    /// <inheritdoc />
    protected override DateTime? FirstAtOrAfter(DateTime local)
    {
        // Windows are shorter than a day, so yesterday's may still be open; eight more days cover a week.
        for (var day = local.Date.AddDays(-1); day <= local.Date.AddDays(8); day = day.AddDays(1))
        {
            if (!_weekdays.Contains(day.DayOfWeek))
            {
                continue;
            }

            var open = day.Ticks + _start;
            var close = open + _length;
            if (close <= local.Ticks)
            {
                continue;
            }

            if (open >= local.Ticks)
            {
                return new DateTime(open, DateTimeKind.Unspecified);
            }

            var steps = ((local.Ticks - open) + _step - 1) / _step;
            var run = open + (steps * _step);
            if (run < close)
            {
                return new DateTime(run, DateTimeKind.Unspecified);
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override DateTimeOffset? NextAfterCompletion(DateTimeOffset completedAt)
    {
        // The ERP: completion + minutes if that is inside a window, else the next window opening.
        var candidate = completedAt.AddTicks(_step);
        var local = Clock.ToLocal(candidate);
        if (IsInsideWindow(local))
        {
            return candidate.ToUniversalTime();
        }

        for (var day = local.Date; day <= local.Date.AddDays(8); day = day.AddDays(1))
        {
            var open = day.Ticks + _start;
            if (_weekdays.Contains(day.DayOfWeek) && open >= local.Ticks)
            {
                return Clock.ToInstant(new DateTime(open, DateTimeKind.Unspecified));
            }
        }

        return null;
    }

    private bool IsInsideWindow(DateTime local)
    {
        for (var day = local.Date.AddDays(-1); day <= local.Date; day = day.AddDays(1))
        {
            var open = day.Ticks + _start;
            if (_weekdays.Contains(day.DayOfWeek) && open <= local.Ticks && local.Ticks < open + _length)
            {
                return true;
            }
        }

        return false;
    }
}
