using System.Runtime.CompilerServices;

namespace ShopSync.Queue.Recurrence;

/// <summary>A validated schedule with its zone clock and grid, cached per schedule object.</summary>
internal sealed class CompiledSchedule
{
    private static readonly ConditionalWeakTable<RecurrenceSchedule, CompiledSchedule> Cache = new();

    private CompiledSchedule(RecurrenceSchedule schedule, ZoneClock clock, OccurrenceGrid grid)
    {
        Schedule = schedule;
        Clock = clock;
        Grid = grid;
    }

    public RecurrenceSchedule Schedule { get; }

    public ZoneClock Clock { get; }

    public OccurrenceGrid Grid { get; }

    /// <summary>Compiles <paramref name="schedule"/>; an invalid schedule throws with every validation message.</summary>
    public static CompiledSchedule For(RecurrenceSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Cache.GetValue(schedule, Build);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, within earliest start and expiration.</summary>
    public DateTimeOffset? Next(DateTimeOffset after, DateTimeOffset chainAnchor)
    {
        if (Schedule.EarliestStart is { } earliest && after < earliest)
        {
            after = earliest.AddTicks(-1);
        }

        return Bound(Grid.Next(after, Schedule.EarliestStart ?? chainAnchor));
    }

    /// <summary>The fixed-delay successor of a run completed at <paramref name="completedAt"/>.</summary>
    public DateTimeOffset? NextAfterCompletion(DateTimeOffset completedAt)
    {
        if (Schedule.EarliestStart is { } earliest && completedAt < earliest)
        {
            return Next(completedAt, completedAt);
        }

        return Bound(Grid.NextAfterCompletion(completedAt));
    }

    /// <summary>True when nothing may run at <paramref name="now"/> any more.</summary>
    public bool IsExpired(DateTimeOffset now) => Schedule.Expiration is { } expiration && now > expiration;

    private DateTimeOffset? Bound(DateTimeOffset? occurrence) =>
        occurrence is { } value && (Schedule.Expiration is not { } expiration || value <= expiration)
            ? value.ToUniversalTime()
            : null;

    private static CompiledSchedule Build(RecurrenceSchedule schedule)
    {
        var errors = ScheduleValidator.Validate(schedule);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid schedule: " + string.Join("; ", errors), nameof(schedule));
        }

        var clock = ScheduleParts.FindZone(schedule.TimeZone)!;
        OccurrenceGrid grid = schedule.Form switch
        {
            WeeklyForm weekly => new WeeklyGrid(clock, weekly),
            DateFormulaForm formula => new FormulaGrid(clock, ScheduleParts.ParseFormula(formula.Formula, out _)!, formula.StartingTime),
            CronForm cron => new CronGrid(clock, ScheduleParts.ParseCron(cron.Expression, out _)!),
            _ => throw new ArgumentException("Invalid schedule: no form.", nameof(schedule)),
        };
        return new CompiledSchedule(schedule, clock, grid);
    }
}
