namespace ShopSync.Queue.Errors;

/// <summary>An entry for this (schedule, occurrence) already exists (maps to ALREADY_EXISTS).</summary>
public sealed class JobOccurrenceExistsException : JobQueueException
{
    /// <summary>Creates the exception.</summary>
    public JobOccurrenceExistsException(Guid scheduleId, DateTimeOffset occurrenceUtc)
        : base($"Schedule {scheduleId} already has an entry for the occurrence {occurrenceUtc:O}.")
    {
        ScheduleId = scheduleId;
        OccurrenceUtc = occurrenceUtc;
    }

    /// <summary>The schedule.</summary>
    public Guid ScheduleId { get; }

    /// <summary>The occurrence.</summary>
    public DateTimeOffset OccurrenceUtc { get; }
}
