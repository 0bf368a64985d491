using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ShopSync.Cli.Infrastructure;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Commands;

/// <summary>The recurrence options shared by <c>schedule add</c> and <c>schedule preview</c>.</summary>
internal static class RecurrenceOptions
{
    public static readonly Option<string?> Weekdays = new("--weekdays") { Description = "Weekly form: days, e.g. mon,tue,wed (or 'all', 'weekdays')" };
    public static readonly Option<string?> Start = new("--start") { Description = "Weekly form: window start HH:MM (default 00:00)" };
    public static readonly Option<string?> End = new("--end") { Description = "Weekly form: window end HH:MM (default end of day; earlier than --start crosses midnight)" };
    public static readonly Option<int?> Every = new("--every") { Description = "Weekly form: minutes between runs (1..1440; default once a day)" };
    public static readonly Option<string?> Formula = new("--formula") { Description = "Date-formula form: the ERP's Next Run Date Formula, e.g. 1D, CM+1D, WD1" };
    public static readonly Option<string?> At = new("--at") { Description = "Date-formula form: time of day HH:MM (default 00:00)" };
    public static readonly Option<string?> Cron = new("--cron") { Description = "Cron form: 5 or 6 fields, e.g. '*/15 * * * *'" };
    public static readonly Option<string?> TimeZone = new("--tz") { Description = "IANA time zone, e.g. Europe/Oslo (default UTC)" };
    public static readonly Option<string?> CatchUp = new("--catch-up") { Description = "Missed runs after downtime: skip (default), once, all; --catch-up alone = once", Arity = ArgumentArity.ZeroOrOne };
    public static readonly Option<int> CatchUpLimit = new("--catch-up-limit") { Description = "With --catch-up all: at most this many (1..100; default 10)" };
    public static readonly Option<bool> Overlap = new("--overlap") { Description = "Buffer one occurrence that falls while the previous run is in process (default: skip it)" };
    public static readonly Option<bool> KeepRecurring = new("--keep-recurring") { Description = "After a failed run keep recurring (default: stop in Error)" };
    public static readonly Option<bool> FixedDelay = new("--fixed-delay") { Description = "Compute the next run from when the last run finished (default: fixed rate)" };
    public static readonly Option<string?> EarliestStart = new("--earliest-start") { Description = "Not before this instant (ISO 8601, e.g. 2025-01-31T08:00:00Z)" };
    public static readonly Option<string?> Expires = new("--expires") { Description = "No runs after this instant (ISO 8601)" };

    public static IEnumerable<System.CommandLine.Option> All =>
        [Weekdays, Start, End, Every, Formula, At, Cron, TimeZone, CatchUp, CatchUpLimit, Overlap, KeepRecurring, FixedDelay, EarliestStart, Expires];

    public static RecurringSchedule Build(CliContext c)
    {
        var schedule = new RecurringSchedule
        {
            TimeZone = c.Get(TimeZone) ?? "",
            EarliestStart = Instant(c.Get(EarliestStart), "--earliest-start"),
            Expiration = Instant(c.Get(Expires), "--expires"),
            Anchoring = c.Get(FixedDelay) ? Anchoring.FixedDelay : Anchoring.Unspecified,
            CatchUp = ParseCatchUp(c),
            CatchUpLimit = c.Get(CatchUpLimit),
            Overlap = c.Get(Overlap) ? OverlapPolicy.BufferOne : OverlapPolicy.Unspecified,
            OnFailure = c.Get(KeepRecurring) ? FailurePolicy.KeepRecurring : FailurePolicy.Unspecified,
        };
        var weekly = c.Get(Weekdays) is not null || c.Get(Start) is not null || c.Get(End) is not null || c.Get(Every) is not null;
        var formula = c.Get(Formula) is not null || c.Get(At) is not null;
        var cron = c.Get(Cron) is not null;
        var forms = (weekly ? 1 : 0) + (formula ? 1 : 0) + (cron ? 1 : 0);
        if (forms != 1)
        {
            throw CliException.Usage(forms == 0
                ? "give one recurrence form: --weekdays/--start/--end/--every, --formula [--at], or --cron"
                : "give only one recurrence form: weekly (--weekdays/--start/--end/--every), --formula or --cron");
        }
        if (weekly)
        {
            var w = new WeeklyRecurrence { StartingTime = c.Get(Start) ?? "", EndingTime = c.Get(End) ?? "", MinutesBetweenRuns = c.Get(Every) ?? 0 };
            w.Weekdays.AddRange(ParseWeekdays(c.Get(Weekdays) ?? "all"));
            schedule.Weekly = w;
        }
        else if (formula)
        {
            schedule.DateFormula = new DateFormulaRecurrence
            {
                Formula = c.Get(Formula) ?? throw CliException.Usage("--at needs --formula"),
                StartingTime = c.Get(At) ?? "",
            };
        }
        else
        {
            schedule.Cron = new CronRecurrence { Expression = c.Get(Cron)! };
        }
        return schedule;
    }

    public static IEnumerable<Weekday> ParseWeekdays(string text)
    {
        var days = new List<Weekday>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "all":
                    days.AddRange(Enumerable.Range(1, 7).Select(i => (Weekday)i));
                    break;
                case "weekdays":
                    days.AddRange(Enumerable.Range(1, 5).Select(i => (Weekday)i));
                    break;
                case var day:
                    var match = Enumerable.Range(1, 7).Select(i => (Weekday)i)
                        .Where(w => w.ToString().StartsWith(day, StringComparison.OrdinalIgnoreCase) && day.Length >= 2).ToList();
                    days.Add(match.Count == 1 ? match[0] : throw CliException.Usage($"--weekdays: '{part}' is not a weekday; use mon,tue,wed,thu,fri,sat,sun, weekdays or all"));
                    break;
            }
        }
        return days.Distinct();
    }

    private static CatchUpPolicy ParseCatchUp(CliContext c)
    {
        var result = c.ParseResult.GetResult(CatchUp);
        if (result is null || result.Implicit)
        {
            return CatchUpPolicy.Unspecified;
        }
        return (c.Get(CatchUp) ?? "once").ToLowerInvariant() switch
        {
            "once" => CatchUpPolicy.Once,
            "all" => CatchUpPolicy.All,
            "skip" => CatchUpPolicy.Skip,
            var other => throw CliException.Usage($"--catch-up: '{other}' is not valid; use skip, once or all"),
        };
    }

    public static Timestamp? Instant(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? Timestamp.FromDateTimeOffset(value)
            : throw CliException.Usage($"{option}: '{text}' is not a date-time (use ISO 8601, e.g. 2025-01-31T08:00:00Z)");
    }
}
