using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Controls;
using ShopSync.Queue.Dispatching;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Retention;

/// <summary>
/// The retention sweep: Finished entries past <see cref="RetentionOptions.FinishedEntries"/>, then log entries past
/// <see cref="RetentionOptions.LogEntries"/>, then enqueue request ids past their expiry, then every <see cref="IRetentionPart"/>, together bounded by
/// <see cref="RetentionOptions.MaxSweepDuration"/>. Error and On Hold entries are never swept (an operator deals with
/// them, or purges them by hand). With several nodes on one database, a lease row in it lets one node sweep at a time.
/// </summary>
public sealed partial class RetentionSweeper
{
    /// <summary>The name of the sweep's lease row.</summary>
    public const string LeaseName = "retention";

    private readonly JobPurger _purger;
    private readonly ISweepLeases _leases;
    private readonly IReadOnlyList<IRetentionPart> _parts;
    private readonly string _holder;
    private readonly TimeProvider _time;
    private readonly Telemetry.QueueMetrics _metrics;
    private readonly RetentionOptions _options;
    private readonly ILogger<RetentionSweeper> _logger;

    internal RetentionSweeper(
        JobPurger purger,
        ISweepLeases leases,
        IEnumerable<IRetentionPart> parts,
        NodeIdentity node,
        TimeProvider time,
        Telemetry.QueueMetrics metrics,
        IOptions<RetentionOptions> options,
        ILogger<RetentionSweeper> logger)
    {
        _metrics = metrics;
        _purger = purger;
        _leases = leases;
        _parts = [.. parts];
        _holder = node.Id;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Runs one sweep unless another node holds its lease; returns what it removed.</summary>
    public async Task<RetentionSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var budget = _options.MaxSweepDuration > TimeSpan.Zero ? _options.MaxSweepDuration : TimeSpan.FromSeconds(30);
        var now = _time.GetUtcNow();
        // The lease outlives the time bound by a margin: a node that dies mid-sweep blocks the others only that long.
        if (!await _leases.TryAcquireAsync(LeaseName, _holder, now, now + budget + TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false))
        {
            LogSkipped(_logger, LeaseName);
            return RetentionSweepResult.SkippedByLease;
        }

        try
        {
            var result = await SweepHeldAsync(started, budget, cancellationToken).ConfigureAwait(false);
            LogSwept(_logger, result.Entries, result.LogEntries, result.RequestIds, result.Complete, _time.GetElapsedTime(started).TotalMilliseconds);
            foreach (var part in result.Parts)
            {
                LogPartSwept(_logger, part.Name, part.Removed, part.Complete);
            }

            return result;
        }
        finally
        {
            await _leases.ReleaseAsync(LeaseName, _holder, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<RetentionSweepResult> SweepHeldAsync(long started, TimeSpan budget, CancellationToken cancellationToken)
    {
        var entries = await _purger.PurgeJobsAsync(
            new JobPurgeRequest { OlderThan = _options.FinishedEntries, MaxDuration = budget }, cancellationToken).ConfigureAwait(false);
        PurgeResult? log = null;
        if (Left(started, budget) is { } forLog)
        {
            log = await _purger.PurgeLogAsync(
                new LogPurgeRequest { OlderThan = _options.LogEntries, MaxDuration = forLog }, cancellationToken).ConfigureAwait(false);
        }

        PurgeResult? keys = null;
        if (Left(started, budget) is { } forKeys)
        {
            keys = await _purger.PurgeEnqueueKeysAsync(forKeys, cancellationToken).ConfigureAwait(false);
        }

        var parts = new List<RetentionPartResult>(_parts.Count);
        foreach (var part in _parts)
        {
            var swept = Left(started, budget) is { } left
                ? await part.SweepAsync(left, cancellationToken).ConfigureAwait(false)
                : new RetentionPartResult(part.Name, 0, false);
            _metrics.Purged(part.Kind, swept.Removed);
            parts.Add(swept);
        }

        var complete = entries.Complete && log is { Complete: true } && keys is { Complete: true } && parts.TrueForAll(p => p.Complete);
        return new RetentionSweepResult(entries.Count, log?.Count ?? 0, complete, keys?.Count ?? 0) { Parts = parts };
    }

    private TimeSpan? Left(long started, TimeSpan budget) =>
        budget - _time.GetElapsedTime(started) is var left && left > TimeSpan.Zero ? left : null;

    [LoggerMessage(EventId = 1402, EventName = "RetentionSwept", Level = LogLevel.Information,
        Message = "Retention sweep removed {Entries} finished entries, {LogEntries} log entries and {RequestIds} expired request ids (complete {Complete}) in {ElapsedMs:F0} ms")]
    private static partial void LogSwept(ILogger logger, long entries, long logEntries, long requestIds, bool complete, double elapsedMs);

    [LoggerMessage(EventId = 1403, EventName = "RetentionPartSwept", Level = LogLevel.Information,
        Message = "Retention sweep removed {Removed} {Part} (complete {Complete})")]
    private static partial void LogPartSwept(ILogger logger, string part, long removed, bool complete);

    [LoggerMessage(EventId = 1404, EventName = "RetentionSweepSkipped", Level = LogLevel.Debug,
        Message = "Retention sweep skipped: another node holds the {Lease} lease")]
    private static partial void LogSkipped(ILogger logger, string lease);
}
