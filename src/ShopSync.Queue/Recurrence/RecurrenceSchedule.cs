namespace ShopSync.Queue.Recurrence;

/// <summary>
/// A recurring schedule (the proto's <c>RecurringSchedule</c>). Occurrences are exact UTC instants so that
/// (schedule id, occurrence) can serve as a unique key.
/// </summary>
public sealed record RecurrenceSchedule
{
    /// <summary>The most catch-up runs <see cref="CatchUpLimit"/> may allow.</summary>
    public const int MaxCatchUpLimit = 100;

    /// <summary>The catch-up limit used when <see cref="CatchUpLimit"/> is 0.</summary>
    public const int DefaultCatchUpLimit = 10;

    /// <summary>IANA time zone id, e.g. "Europe/Oslo"; empty or null = UTC.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>No occurrence before this instant. Also anchors date-formula chains (see docs/recurrence.md).</summary>
    public DateTimeOffset? EarliestStart { get; init; }

    /// <summary>No occurrence after this instant (an occurrence exactly at it still runs).</summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <summary>The weekly, date-formula or cron form.</summary>
    public required RecurrenceForm Form { get; init; }

    /// <summary>Fixed rate (default, no drift) or the ERP's fixed delay.</summary>
    public RecurrenceAnchoring Anchoring { get; init; } = RecurrenceAnchoring.FixedRate;

    /// <summary>What happens to missed occurrences.</summary>
    public RecurrenceCatchUp CatchUp { get; init; } = RecurrenceCatchUp.Skip;

    /// <summary>For <see cref="RecurrenceCatchUp.All"/>: at most this many missed runs (1..100; 0 = 10).</summary>
    public int CatchUpLimit { get; init; } = DefaultCatchUpLimit;

    /// <summary>What happens to occurrences that fall while a run is in process.</summary>
    public RecurrenceOverlap Overlap { get; init; } = RecurrenceOverlap.Skip;

    /// <summary>What happens after the last attempt of a run failed.</summary>
    public RecurrenceFailurePolicy OnFailure { get; init; } = RecurrenceFailurePolicy.Stop;

    /// <summary><see cref="CatchUpLimit"/> with the default applied.</summary>
    public int EffectiveCatchUpLimit => CatchUpLimit == 0 ? DefaultCatchUpLimit : CatchUpLimit;
}
