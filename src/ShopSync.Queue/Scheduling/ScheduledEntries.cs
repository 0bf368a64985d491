using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Scheduling;

/// <summary>The job queue entry of one occurrence.</summary>
internal static class ScheduledEntries
{
    /// <summary>The <see cref="EnqueueRequest.CreatedBy"/> of a schedule's entries.</summary>
    public static string CreatedBy(Guid scheduleId) => "schedule:" + scheduleId.ToString("D");

    public static EnqueueRequest Request(StoredSchedule schedule, DateTimeOffset occurrence)
    {
        var d = schedule.Definition;
        return new EnqueueRequest
        {
            ReportId = d.ReportId,
            ShopCode = d.ShopCode,
            CategoryCode = d.CategoryCode,
            Priority = d.Priority,
            // The occurrence itself: a catch-up run of a past occurrence is due at once.
            EarliestStart = occurrence,
            MaxAttempts = d.MaxAttempts,
            RerunDelay = d.RerunDelay,
            Timeout = d.Timeout,
            Filters = d.Filters,
            Options = d.Options,
            Description = d.Description.Length == 0 ? null : d.Description,
            CreatedBy = CreatedBy(schedule.Id),
            ScheduleId = schedule.Id,
            OccurrenceUtc = occurrence,
        };
    }
}
