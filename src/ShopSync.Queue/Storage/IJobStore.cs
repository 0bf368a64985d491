using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;

namespace ShopSync.Queue.Storage;

/// <summary>
/// The one seam between the engine and a database. Every driver (SQLite now, PostgreSQL later) passes the same
/// conformance suite (<c>JobStoreConformanceTests</c>). The database is the source of truth: claims are conditional
/// updates that respect the category rule and record a lease; writes that concern a run are fenced by its token.
/// Drivers assign event sequence numbers and return the events they wrote so the engine can broadcast them.
/// </summary>
public interface IJobStore
{
    /// <summary>Creates or upgrades the schema (migrations).</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Inserts entries in one transaction; assigns entry numbers; an entry due now in a busy category is stored Waiting.</summary>
    /// <exception cref="Errors.JobOccurrenceExistsException">A (schedule, occurrence) already exists; nothing was inserted.</exception>
    Task<StoreResult<IReadOnlyList<Job>>> InsertAsync(IReadOnlyList<NewJob> jobs, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="InsertAsync(IReadOnlyList{NewJob}, CancellationToken)"/>, and stores <paramref name="key"/> in the same
    /// transaction. When an unexpired key with the same id exists: the same hash returns its entry ids and inserts
    /// nothing; another hash throws <see cref="Errors.EnqueueRequestConflictException"/>. An expired key is replaced.
    /// </summary>
    Task<KeyedInsertResult> InsertAsync(IReadOnlyList<NewJob> jobs, EnqueueKey key, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="limit"/> enqueue keys that expired before <paramref name="now"/>; returns how many.</summary>
    Task<int> PurgeEnqueueKeysAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>For each category: claims its first due entry by (priority, entry no.) unless one is In Process.</summary>
    Task<StoreResult<IReadOnlyList<CategoryClaim>>> ClaimAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a run if its fencing token still holds; then, in the same transaction, claims the head of each category in
    /// <paramref name="claimNext"/> (the run's own category and/or others waiting for a slot; also when the completion
    /// was rejected). One commit thus both frees a slot and fills it.
    /// </summary>
    Task<CompletionResult> CompleteAsync(RunCompletion completion, ClaimRequest? claimNext, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the category's due Ready entries Waiting if another of its entries is In Process (e.g. a retry whose delay
    /// passed during a long run). Drivers without it leave such entries Ready until the category's next claim.
    /// </summary>
    Task<IReadOnlyList<QueueEvent>> MarkWaitingAsync(string categoryCode, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<QueueEvent>>([]);

    /// <summary>Writes progress of running entries (fenced); returns the events written.</summary>
    Task<IReadOnlyList<QueueEvent>> AppendProgressAsync(IReadOnlyList<ProgressWrite> writes, CancellationToken cancellationToken);

    /// <summary>Saves a run's checkpoint; false when the fencing token no longer holds.</summary>
    Task<bool> SaveCheckpointAsync(Guid jobId, long fencingToken, string checkpoint, CancellationToken cancellationToken);

    /// <summary>Extends the leases of a node's runs; reports runs whose lease was lost or whose cancellation was requested.</summary>
    Task<LeaseRenewal> RenewLeasesAsync(LeaseRenewalRequest request, CancellationToken cancellationToken);

    /// <summary>In Process entries whose lease lapsed before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<Job>> FindExpiredLeasesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Applies an operator change if the entry still has the expected status; null when it does not (or is gone).</summary>
    Task<StoreResult<Job>?> ChangeAsync(JobChange change, CancellationToken cancellationToken);

    /// <summary>Deletes an entry and its events if it still has the expected status; its log entries stay.</summary>
    Task<bool> DeleteAsync(Guid jobId, JobStatus expectedStatus, CancellationToken cancellationToken);

    /// <summary>One entry, or null.</summary>
    Task<Job?> GetAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Entries by filter, keyset-paged by entry number.</summary>
    Task<JobPage> ListAsync(JobQuery query, CancellationToken cancellationToken);

    /// <summary>Log entries, newest first.</summary>
    Task<JobLogPage> ListLogAsync(JobLogQuery query, CancellationToken cancellationToken);

    /// <summary>An entry's events with sequence above <paramref name="afterSequence"/>, ascending, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<JobEvent>> ReadEventsAsync(Guid jobId, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>Categories that have Ready or Waiting entries (the dispatcher's start-up and safety scan).</summary>
    Task<IReadOnlyList<string>> FindQueuedCategoriesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One purge batch: finds up to <paramref name="limit"/> entries after entry no. <paramref name="afterEntryNo"/>
    /// that match <paramref name="filter"/> (outside any write transaction), then, unless <paramref name="dryRun"/>,
    /// deletes those that still match, with their events, in one short write. Their log entries stay.
    /// </summary>
    Task<PurgeBatch> PurgeJobsAsync(JobPurgeFilter filter, long afterEntryNo, int limit, bool dryRun, CancellationToken cancellationToken);

    /// <summary>Per (shop, task) the newest successful and newest failed log entry (all shops when <paramref name="shopCode"/> is null).</summary>
    Task<LogRetentionMarks> ReadLogRetentionMarksAsync(string? shopCode, CancellationToken cancellationToken);

    /// <summary>
    /// One purge batch of log entries after id <paramref name="afterId"/>, as <see cref="PurgeJobsAsync"/>: finished
    /// entries that ended before the cutoff and that <see cref="LogPurgeFilter.Marks"/> lets go.
    /// </summary>
    Task<PurgeBatch> PurgeLogAsync(LogPurgeFilter filter, long afterId, int limit, bool dryRun, CancellationToken cancellationToken);

    /// <summary>Entry counts per (category, status) and the earliest due time of each category's Ready and Waiting entries.</summary>
    Task<IReadOnlyList<CategoryStatusCount>> CountByCategoryAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The category overview's data for one shop or a scope, outside any write: entry counts per (category, status)
    /// with how many are due, the entries In Process, each category's longest-waiting due entry, and the runs that
    /// ended per minute since <see cref="CategoryActivityQuery.Since"/> (from the run log).
    /// </summary>
    Task<CategoryActivity> ReadCategoryActivityAsync(CategoryActivityQuery query, CancellationToken cancellationToken);
}
