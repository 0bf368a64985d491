namespace ShopSync.Queue.Scheduling;

/// <summary>No schedule has this id (maps to NOT_FOUND).</summary>
public sealed class ScheduleNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScheduleNotFoundException(Guid scheduleId)
        : base($"schedule {scheduleId} does not exist")
    {
        ScheduleId = scheduleId;
    }

    /// <summary>The id asked for.</summary>
    public Guid ScheduleId { get; }
}
