namespace ShopSync.Queue.Recurrence;

/// <summary>One problem with a schedule.</summary>
/// <param name="Field">The proto field path, e.g. <c>schedule.weekly.ending_time</c>.</param>
/// <param name="Message">What is wrong, for a human.</param>
public sealed record ScheduleError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Message}";
}
