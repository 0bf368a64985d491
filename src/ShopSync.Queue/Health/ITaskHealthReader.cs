namespace ShopSync.Queue.Health;

/// <summary>
/// Read-only view of the job log per (shop, report) for the sync status: last success, last failure, consecutive
/// failures, what runs now. Implemented by the store over the queue's own tables; never writes.
/// </summary>
public interface ITaskHealthReader
{
    /// <summary>Per shop, the health of every report that has run at least once for it, by report id.</summary>
    /// <param name="shopCodes">The shops; the result has one entry per shop, in this order.</param>
    /// <param name="failedSince">Also count the failed runs that ended at or after this time (null: all history).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<ShopTaskHealth>> ReadAsync(IReadOnlyList<string> shopCodes, DateTimeOffset? failedSince, CancellationToken cancellationToken);

    /// <summary>Failed runs (failed or timed out) of a shop, newest first, keyset-paged by log id.</summary>
    /// <param name="shopCode">The shop.</param>
    /// <param name="failedSince">Only runs that ended at or after this time (null: all history).</param>
    /// <param name="beforeId">Only log entries with a smaller id (null: from the newest).</param>
    /// <param name="pageSize">Most runs to return (1..1000).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<FailedRunPage> ListFailedRunsAsync(
        string shopCode, DateTimeOffset? failedSince, long? beforeId, int pageSize, CancellationToken cancellationToken);
}
