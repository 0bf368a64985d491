using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;

namespace ShopSync.Queue.Controls;

/// <summary>
/// The job queue facade the gRPC layer calls. Errors: <see cref="Errors.JobValidationException"/> (INVALID_ARGUMENT),
/// <see cref="Errors.JobNotFoundException"/> (NOT_FOUND), <see cref="Errors.JobStateException"/> (FAILED_PRECONDITION),
/// <see cref="Errors.JobOccurrenceExistsException"/> (ALREADY_EXISTS).
/// </summary>
public interface IJobQueue
{
    /// <summary>Validates and queues one entry; returns it as stored (status Ready, Waiting or On Hold).</summary>
    Task<Job> EnqueueAsync(EnqueueRequest request, CancellationToken cancellationToken);

    /// <summary>Validates all, then queues all in one transaction (validation errors name <c>jobs[i].field</c>).</summary>
    Task<IReadOnlyList<Job>> EnqueueManyAsync(IReadOnlyList<EnqueueRequest> requests, CancellationToken cancellationToken);

    /// <summary>
    /// Validates all, then queues all in one transaction with the idempotency key <paramref name="requestId"/> (AIP-155).
    /// A retry with the same id and hash within the retention window queues nothing and returns the first call's ids;
    /// the same id with another hash throws <see cref="Errors.EnqueueRequestConflictException"/>. With
    /// <paramref name="bulk"/> validation errors name <c>jobs[i].field</c> (EnqueueJobs), else the field (EnqueueJob).
    /// </summary>
    Task<EnqueueOutcome> EnqueueKeyedAsync(
        IReadOnlyList<EnqueueRequest> requests, bool bulk, string requestId, byte[] requestHash, CancellationToken cancellationToken);

    /// <summary>One entry.</summary>
    Task<Job> GetAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Entries by filter, keyset-paged by entry number.</summary>
    Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken);

    /// <summary>Run log entries, newest first.</summary>
    Task<JobLogPage> ListLogAsync(JobLogQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Per category (ordered by code): the entry In Process, the due entries waiting, the Ready, On Hold and Error
    /// counts, the longest-waiting due entry and the runs ended per minute over the window. Throws
    /// <see cref="Errors.JobValidationException"/> naming <c>throughput_minutes</c>.
    /// </summary>
    Task<IReadOnlyList<CategoryOverview>> ListCategoriesAsync(CategoryQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Applies one single-entry operation (hold, ready, restart, run now, cancel without waiting, delete) to the
    /// entries named or matched, a batch at a time; entries it cannot change are skipped with why. Throws
    /// <see cref="Errors.BulkSelectionChangedException"/> when <see cref="BulkUpdateRequest.ExpectedCount"/> does
    /// not match (nothing changes), <see cref="Errors.JobValidationException"/> for a bad selection.
    /// </summary>
    Task<BulkUpdateResult> BulkUpdateAsync(BulkUpdateRequest request, CancellationToken cancellationToken);

    /// <summary>Sets the entry On Hold; a running entry finishes its run first and then stays On Hold.</summary>
    Task<Job> HoldAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Sets an On Hold or Error entry Ready.</summary>
    Task<Job> SetReadyAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Sets an entry Ready and resets its attempts (not while In Process).</summary>
    Task<Job> RestartAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Cancels an entry; a running handler is cancelled cooperatively and awaited up to <paramref name="wait"/>.</summary>
    Task<CancelResult> CancelAsync(Guid jobId, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>Deletes an entry (not while In Process; cancel first). Its log entries stay.</summary>
    Task DeleteAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Makes an entry due now (Run Once), keeping category serialisation.</summary>
    Task<Job> RunNowAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Replaces an entry's filters and options (not while In Process).</summary>
    Task<Job> SetParametersAsync(
        Guid jobId,
        IReadOnlyList<RequestPageFilter> filters,
        IReadOnlyList<RequestPageOption> options,
        CancellationToken cancellationToken);

    /// <summary>
    /// The entry's events with a sequence number above <paramref name="afterSequence"/>: history first, then live.
    /// Ends after a <see cref="JobCompleted"/> event, or at once when the entry already is Finished or Error and the
    /// history is sent. Throws <see cref="Errors.JobNotFoundException"/> when the entry does not exist.
    /// </summary>
    IAsyncEnumerable<JobEvent> WatchAsync(Guid jobId, long afterSequence, CancellationToken cancellationToken);

    /// <summary>Live events of every entry that matches the filter, until cancelled. Progress is coalesced for slow readers.</summary>
    IAsyncEnumerable<QueueEvent> WatchAllAsync(QueueWatchFilter filter, CancellationToken cancellationToken);

    /// <summary>The queue-wide log's position now: <see cref="WatchLogAsync"/> from it sees everything written after.</summary>
    Task<string> EventLogHeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every event of every entry that matches the filter after <paramref name="afterPosition"/>, from the queue-wide log
    /// (<see cref="Storage.IQueueEventLog"/>), until cancelled: each entry's events in order, none skipped or repeated,
    /// whichever node wrote them, so a watch resumes after the last position it received.
    /// </summary>
    /// <exception cref="Errors.JobValidationException">The position is not valid here (field <c>after_position</c>).</exception>
    IAsyncEnumerable<LoggedQueueEvent> WatchLogAsync(QueueWatchFilter filter, string afterPosition, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes Finished (and, when asked, Error) entries that ended more than <see cref="JobPurgeRequest.OlderThan"/>
    /// ago, with their events, in small batches; entries a schedule still references stay. A dry run counts.
    /// Throws <see cref="Errors.JobValidationException"/> naming <c>older_than</c>, <c>statuses</c> or <c>max_duration</c>.
    /// </summary>
    Task<PurgeResult> PurgeJobsAsync(JobPurgeRequest request, CancellationToken cancellationToken);

    /// <summary>Deletes run log entries that ended more than <see cref="LogPurgeRequest.OlderThan"/> ago, keeping what task health reads.</summary>
    Task<PurgeResult> PurgeLogAsync(LogPurgeRequest request, CancellationToken cancellationToken);
}
