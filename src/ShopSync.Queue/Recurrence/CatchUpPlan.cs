namespace ShopSync.Queue.Recurrence;

/// <summary>What to do about occurrences missed between the last one and now.</summary>
/// <param name="RunNow">Occurrences to run now, oldest first; each is the key of its run. Empty when nothing was
/// missed or the policy is <see cref="RecurrenceCatchUp.Skip"/>.</param>
/// <param name="Next">The first occurrence strictly after now; null when the schedule has expired.</param>
/// <param name="FirstMissed">The earliest missed occurrence; null when nothing was missed.</param>
public sealed record CatchUpPlan(IReadOnlyList<DateTimeOffset> RunNow, DateTimeOffset? Next, DateTimeOffset? FirstMissed)
{
    /// <summary>True when at least one occurrence was missed.</summary>
    public bool Missed => FirstMissed is not null;
}
