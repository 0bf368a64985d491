using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Retention;

/// <summary>
/// Purges in small batches through the store: each batch is found outside any write transaction and deleted in one
/// short write, so an enqueue waits for at most one batch. Entries that any <see cref="IRetainedEntries"/> names stay.
/// </summary>
internal sealed partial class JobPurger(
    IJobStore store,
    IEnumerable<IRetainedEntries> retained,
    TimeProvider time,
    IOptions<RetentionOptions> options,
    Telemetry.QueueMetrics metrics,
    ILogger<JobPurger> logger)
{
    private static readonly JobStatus[] DefaultStatuses = [JobStatus.Finished];

    public async Task<PurgeResult> PurgeJobsAsync(JobPurgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request.OlderThan, request.MaxDuration);
        var statuses = request.Statuses.Count == 0 ? DefaultStatuses : request.Statuses.Distinct().ToArray();
        foreach (var status in statuses)
        {
            if (status is not (JobStatus.Finished or JobStatus.Error))
            {
                throw new JobValidationException("statuses", $"only Finished and Error entries can be purged, not {status}");
            }
        }

        var keep = new HashSet<Guid>();
        foreach (var source in retained)
        {
            keep.UnionWith(await source.ListAsync(cancellationToken).ConfigureAwait(false));
        }

        var cutoff = time.GetUtcNow() - request.OlderThan;
        var filter = new JobPurgeFilter(cutoff, statuses, Shop(request.ShopCode), keep);
        var result = await RunAsync(
            (after, ct) => store.PurgeJobsAsync(filter, after, BatchSize, request.DryRun, ct),
            request.DryRun, request.MaxDuration, cutoff, cancellationToken).ConfigureAwait(false);
        LogPurged(logger, "entries", result.Count, result.DryRun, result.Complete, cutoff);
        metrics.Purged("entries", result.DryRun ? 0 : result.Count);
        return result;
    }

    public async Task<PurgeResult> PurgeLogAsync(LogPurgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request.OlderThan, request.MaxDuration);
        var cutoff = time.GetUtcNow() - request.OlderThan;
        var shop = Shop(request.ShopCode);
        var marks = await store.ReadLogRetentionMarksAsync(shop, cancellationToken).ConfigureAwait(false);
        var filter = new LogPurgeFilter(cutoff, shop, marks);
        var result = await RunAsync(
            (after, ct) => store.PurgeLogAsync(filter, after, BatchSize, request.DryRun, ct),
            request.DryRun, request.MaxDuration, cutoff, cancellationToken).ConfigureAwait(false);
        LogPurged(logger, "log entries", result.Count, result.DryRun, result.Complete, cutoff);
        metrics.Purged("log_entries", result.DryRun ? 0 : result.Count);
        return result;
    }

    /// <summary>Deletes expired enqueue request ids in batches until none is left or <paramref name="maxDuration"/> passed.</summary>
    public async Task<PurgeResult> PurgeEnqueueKeysAsync(TimeSpan maxDuration, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        long count = 0;
        while (true)
        {
            var deleted = await store.PurgeEnqueueKeysAsync(now, BatchSize, cancellationToken).ConfigureAwait(false);
            count += deleted;
            if (deleted < BatchSize)
            {
                return new PurgeResult(count, false, true, now);
            }

            if (time.GetElapsedTime(started) >= maxDuration)
            {
                return new PurgeResult(count, false, false, now);
            }
        }
    }

    private int BatchSize => Math.Clamp(options.Value.BatchSize, 1, 5000);

    private async Task<PurgeResult> RunAsync(
        Func<long, CancellationToken, Task<PurgeBatch>> batch,
        bool dryRun,
        TimeSpan? maxDuration,
        DateTimeOffset cutoff,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        long count = 0;
        long after = 0;
        while (true)
        {
            var done = await batch(after, cancellationToken).ConfigureAwait(false);
            count += dryRun ? done.Matched : done.Deleted;
            if (done.Next is not { } next)
            {
                return new PurgeResult(count, dryRun, true, cutoff);
            }

            after = next;
            if (maxDuration is { } max && time.GetElapsedTime(started) >= max)
            {
                return new PurgeResult(count, dryRun, false, cutoff);
            }
        }
    }

    private static void Validate(TimeSpan olderThan, TimeSpan? maxDuration)
    {
        if (olderThan <= TimeSpan.Zero)
        {
            throw new JobValidationException("older_than", "must be positive, e.g. 30 days");
        }

        if (maxDuration is { } max && max <= TimeSpan.Zero)
        {
            throw new JobValidationException("max_duration", "must be positive when given");
        }
    }

    private static string? Shop(string? shopCode) => string.IsNullOrEmpty(shopCode) ? null : shopCode;

    [LoggerMessage(EventId = 1401, EventName = "Purged", Level = LogLevel.Information,
        Message = "Purge of {What}: {Count} (dry run {DryRun}, complete {Complete}) that ended before {Cutoff:O}")]
    private static partial void LogPurged(ILogger logger, string what, long count, bool dryRun, bool complete, DateTimeOffset cutoff);
}
