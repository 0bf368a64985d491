using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Controls;

namespace ShopSync.Queue.Retention;

/// <summary>
/// The retention sweep: Finished entries past <see cref="RetentionOptions.FinishedEntries"/>, then log entries past
/// <see cref="RetentionOptions.LogEntries"/>, then enqueue request ids past their expiry, together bounded by <see cref="RetentionOptions.MaxSweepDuration"/>.
/// Error and On Hold entries are never swept (an operator deals with them, or purges them by hand).
/// </summary>
public sealed partial class RetentionSweeper
{
    private readonly JobPurger _purger;
    private readonly TimeProvider _time;
    private readonly RetentionOptions _options;
    private readonly ILogger<RetentionSweeper> _logger;

    internal RetentionSweeper(JobPurger purger, TimeProvider time, IOptions<RetentionOptions> options, ILogger<RetentionSweeper> logger)
    {
        _purger = purger;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Runs one sweep; returns what it removed.</summary>
    public async Task<RetentionSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var budget = _options.MaxSweepDuration > TimeSpan.Zero ? _options.MaxSweepDuration : TimeSpan.FromSeconds(30);
        var entries = await _purger.PurgeJobsAsync(
            new JobPurgeRequest { OlderThan = _options.FinishedEntries, MaxDuration = budget }, cancellationToken).ConfigureAwait(false);
        var left = budget - _time.GetElapsedTime(started);
        PurgeResult? log = null;
        if (left > TimeSpan.Zero)
        {
            log = await _purger.PurgeLogAsync(
                new LogPurgeRequest { OlderThan = _options.LogEntries, MaxDuration = left }, cancellationToken).ConfigureAwait(false);
        }

        left = budget - _time.GetElapsedTime(started);
        PurgeResult? keys = null;
        if (left > TimeSpan.Zero)
        {
            keys = await _purger.PurgeEnqueueKeysAsync(left, cancellationToken).ConfigureAwait(false);
        }

        var complete = entries.Complete && log is { Complete: true } && keys is { Complete: true };
        var result = new RetentionSweepResult(entries.Count, log?.Count ?? 0, complete, keys?.Count ?? 0);
        LogSwept(_logger, result.Entries, result.LogEntries, result.RequestIds, result.Complete, _time.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    [LoggerMessage(EventId = 1402, EventName = "RetentionSwept", Level = LogLevel.Information,
        Message = "Retention sweep removed {Entries} finished entries, {LogEntries} log entries and {RequestIds} expired request ids (complete {Complete}) in {ElapsedMs:F0} ms")]
    private static partial void LogSwept(ILogger logger, long entries, long logEntries, long requestIds, bool complete, double elapsedMs);
}
