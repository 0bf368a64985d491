using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Handlers;

/// <summary>
/// A running handler's progress channel. Reports never block on the database: they are coalesced and written in
/// batches, then broadcast to watchers. Counters accumulate and travel with the next report.
/// </summary>
public interface IJobProgress
{
    /// <summary>The counters so far.</summary>
    JobCounters Counters { get; }

    /// <summary>Adds to the counters (does not emit an event by itself).</summary>
    void Add(long pages = 0, long done = 0, long failed = 0, long skipped = 0);

    /// <summary>Emits a progress event with the current counters.</summary>
    /// <param name="percent">0..100, or -1 when unknown.</param>
    /// <param name="message">A short status line.</param>
    void Report(int percent, string? message = null);

    /// <summary>Durably saves an opaque checkpoint; a later attempt receives it in <see cref="ReportContext.Checkpoint"/>.</summary>
    Task SaveCheckpointAsync(string checkpoint, CancellationToken cancellationToken);

    /// <summary>Waits until every report so far is persisted.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
