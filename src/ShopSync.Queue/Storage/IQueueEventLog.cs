using ShopSync.Queue.Events;

namespace ShopSync.Queue.Storage;

/// <summary>
/// The queue-wide event log that <c>WatchJobs</c> reads and resumes from: every event of every entry once, each
/// entry's events in sequence order, behind an opaque position. A store shared by several nodes (PostgreSQL)
/// provides one; without it the engine keeps the events this process published (one writer, one process).
/// </summary>
public interface IQueueEventLog
{
    /// <summary>
    /// The position a watch that starts now resumes from: nothing committed before it is read, nothing after it
    /// is missed.
    /// </summary>
    Task<string> HeadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="limit"/> events after <paramref name="afterPosition"/> in log order, and the position to
    /// read from next. An event not yet readable (another transaction may still commit before it) is left for a
    /// later read; nothing is ever read twice or skipped.
    /// </summary>
    /// <exception cref="Errors.JobValidationException">The position is not one this log gave (field <c>after_position</c>).</exception>
    Task<QueueLogPage> ReadAsync(string afterPosition, int limit, CancellationToken cancellationToken);
}
