namespace ShopSync.Storage.Schedules;

/// <summary>A queued occurrence whose entry has not been seen to end (<c>schedule_occurrences</c>).</summary>
internal sealed class ScheduleOccurrenceRow
{
    public string ScheduleId { get; set; } = "";

    public long OccurrenceUtc { get; set; }

    public string JobId { get; set; } = "";
}
