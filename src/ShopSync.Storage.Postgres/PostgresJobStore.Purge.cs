using ShopSync.Queue.Entries;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres;

/// <summary>Retention and the queue's statistics for metrics.</summary>
internal sealed partial class PostgresJobStore
{
    public async Task<PurgeBatch> PurgeJobsAsync(JobPurgeFilter filter, long afterEntryNo, int limit, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (filter.Statuses.Count == 0 || filter.Statuses.Any(s => s is not (JobStatus.Finished or JobStatus.Error)))
        {
            throw new ArgumentException("A purge deletes Finished and/or Error entries only.", nameof(filter));
        }

        var (candidates, next) = await Read(
            () => _reads.WithAsync(c => PgPurges.FindJobsAsync(c, filter, afterEntryNo, limit, cancellationToken), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (dryRun || candidates.Count == 0)
        {
            return new PurgeBatch(candidates.Count, 0, next);
        }

        var deleted = await Write(s => PgPurges.DeleteJobsAsync(s, filter, candidates, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new PurgeBatch(candidates.Count, deleted, next);
    }

    public async Task<PurgeBatch> PurgeLogAsync(LogPurgeFilter filter, long afterId, int limit, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var (candidates, next) = await Read(
            () => _reads.WithAsync(c => PgPurges.FindLogAsync(c, filter, afterId, limit, cancellationToken), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (dryRun || candidates.Count == 0)
        {
            return new PurgeBatch(candidates.Count, 0, next);
        }

        var deleted = await Write(s => PgPurges.DeleteLogAsync(s, candidates, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new PurgeBatch(candidates.Count, deleted, next);
    }

    public Task<LogRetentionMarks> ReadLogRetentionMarksAsync(string? shopCode, CancellationToken cancellationToken) =>
        Read(() => _reads.WithAsync(c => PgPurges.ReadMarksAsync(c, shopCode, cancellationToken), cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<CategoryStatusCount>> CountByCategoryAsync(CancellationToken cancellationToken) =>
        await Read(() => _reads.WithAsync(c => PgPurges.CountAsync(c, cancellationToken), cancellationToken), cancellationToken).ConfigureAwait(false);
}
