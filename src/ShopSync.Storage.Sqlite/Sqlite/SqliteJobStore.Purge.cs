using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Sqlite;

/// <summary>Retention and the queue's statistics for metrics.</summary>
internal sealed partial class SqliteJobStore
{
    public async Task<PurgeBatch> PurgeJobsAsync(JobPurgeFilter filter, long afterEntryNo, int limit, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        PurgeCommands.RequireTerminal(filter.Statuses);
        var (candidates, next) = await Read(() => _reads.WithConnection(c => PurgeCommands.FindJobs(c, filter, afterEntryNo, limit)), cancellationToken)
            .ConfigureAwait(false);
        if (dryRun || candidates.Count == 0)
        {
            return new PurgeBatch(candidates.Count, 0, next);
        }

        var deleted = await Write(s => PurgeCommands.DeleteJobs(s, filter, candidates), cancellationToken).ConfigureAwait(false);
        return new PurgeBatch(candidates.Count, deleted, next);
    }

    public async Task<PurgeBatch> PurgeLogAsync(LogPurgeFilter filter, long afterId, int limit, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var (candidates, next) = await Read(() => _reads.WithConnection(c => PurgeCommands.FindLog(c, filter, afterId, limit)), cancellationToken)
            .ConfigureAwait(false);
        if (dryRun || candidates.Count == 0)
        {
            return new PurgeBatch(candidates.Count, 0, next);
        }

        var deleted = await Write(s => PurgeCommands.DeleteLog(s, candidates), cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            _logPurges.Advance();
        }

        return new PurgeBatch(candidates.Count, deleted, next);
    }

    public Task<LogRetentionMarks> ReadLogRetentionMarksAsync(string? shopCode, CancellationToken cancellationToken) =>
        Read(() => _reads.WithConnection(c => PurgeCommands.ReadMarks(c, shopCode)), cancellationToken);

    public Task<IReadOnlyList<CategoryStatusCount>> CountByCategoryAsync(CancellationToken cancellationToken) =>
        Read(() => _reads.WithConnection(StatisticsQuery.Read), cancellationToken);
}
