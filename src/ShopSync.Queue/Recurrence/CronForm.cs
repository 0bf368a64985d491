namespace ShopSync.Queue.Recurrence;

/// <summary>
/// A unix cron expression: 5 fields (minute hour day-of-month month day-of-week) or 6 fields (seconds first),
/// evaluated in the schedule's time zone.
/// </summary>
/// <param name="Expression">The cron text.</param>
public sealed record CronForm(string Expression) : RecurrenceForm;
