namespace ShopSync.Queue.Scheduling;

/// <summary>
/// Where schedules and their pending occurrences live. Every change of a schedule row grows its version; the
/// writes that decide (replace, advance) are conditional on the version the caller read.
/// </summary>
public interface IScheduleStore
{
    /// <summary>Creates or migrates the tables (idempotent).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Adds a new schedule (version 1).</summary>
    Task InsertAsync(StoredSchedule schedule, CancellationToken cancellationToken);

    /// <summary>One schedule, or null.</summary>
    Task<StoredSchedule?> FindAsync(Guid scheduleId, CancellationToken cancellationToken);

    /// <summary>Schedules by filter, ordered by id.</summary>
    Task<SchedulePage> ListAsync(ScheduleQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Writes every field of <paramref name="schedule"/> when the stored version is still <paramref name="expectedVersion"/>
    /// (the stored version becomes expectedVersion + 1). False when someone else changed or deleted it first.
    /// </summary>
    Task<bool> TryReplaceAsync(StoredSchedule schedule, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes a schedule and its pending occurrences; false when it did not exist.</summary>
    Task<bool> DeleteAsync(Guid scheduleId, CancellationToken cancellationToken);

    /// <summary>Active schedules whose next occurrence is at or before <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<StoredSchedule>> ListDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Active schedules whose next occurrence is after <paramref name="after"/> and at or before <paramref name="until"/>,
    /// earliest first: the runner's look-ahead reads only what it has not looked at yet.
    /// </summary>
    Task<IReadOnlyList<StoredSchedule>> ListDueAsync(DateTimeOffset after, DateTimeOffset until, int max, CancellationToken cancellationToken);

    /// <summary>The earliest next occurrence of any Active schedule; null when none is planned.</summary>
    Task<DateTimeOffset?> EarliestDueAsync(CancellationToken cancellationToken);

    /// <summary>The earliest next occurrence after <paramref name="after"/> of any Active schedule; null when none.</summary>
    Task<DateTimeOffset?> EarliestDueAfterAsync(DateTimeOffset after, CancellationToken cancellationToken);

    /// <summary>Pending occurrences of these schedules (all schedules when null).</summary>
    Task<IReadOnlyList<PendingOccurrence>> ListPendingAsync(IReadOnlyCollection<Guid>? scheduleIds, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the advances whose expected version still holds, in one transaction, and records their queued
    /// occurrences as pending. Returns the ids of the schedules that were advanced.
    /// </summary>
    Task<IReadOnlySet<Guid>> AdvanceAsync(IReadOnlyList<ScheduleAdvance> advances, CancellationToken cancellationToken);

    /// <summary>Removes ended occurrences and records their results on their schedules, in one transaction.</summary>
    Task SettleAsync(IReadOnlyList<ScheduleSettlement> settlements, CancellationToken cancellationToken);

    /// <summary>
    /// The entry queued for (schedule, occurrence), if any: the runner needs it when a restart or another node
    /// queued the occurrence first (ALREADY_EXISTS carries no id).
    /// </summary>
    Task<Guid?> FindOccurrenceJobAsync(Guid scheduleId, DateTimeOffset occurrenceUtc, CancellationToken cancellationToken);
}
