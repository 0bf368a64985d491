using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopSync.Queue.Controls;

namespace ShopSync.Queue.Scheduling;

/// <summary>
/// Queues each Active schedule's occurrences when they are due. It sleeps on one memory timer until the earliest
/// next occurrence (or a local schedule change), reads the database at most once per
/// <see cref="SchedulerOptions.IdlePollInterval"/> while nothing is due, queues due occurrences keyed by
/// (schedule, occurrence) and then advances each schedule conditionally on its version, so neither a restart nor a
/// second node runs an occurrence twice (the unique index on the entries is the final guard). Occurrences are queued
/// up to <see cref="SchedulerOptions.LeadTime"/> early with EarliestStart = the occurrence, so the dispatcher's timer,
/// not the cost of a runner pass, decides when they start.
/// </summary>
internal sealed partial class ScheduleRunner : BackgroundService
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    private readonly IScheduleStore _store;
    private readonly IJobQueue _queue;
    private readonly OccurrenceEntries _entries;
    private readonly ScheduleSignal _signal;
    private readonly TimeProvider _time;
    private readonly SchedulerOptions _options;
    private readonly ILogger<ScheduleRunner> _logger;
    private readonly Channel<(PendingOccurrence Occurrence, EntryEnd End)> _ended =
        Channel.CreateUnbounded<(PendingOccurrence, EntryEnd)>(new UnboundedChannelOptions { SingleReader = true });

    public ScheduleRunner(
        IScheduleStore store,
        IJobQueue queue,
        OccurrenceEntries entries,
        ScheduleSignal signal,
        TimeProvider time,
        IOptions<SchedulerOptions> options,
        ILogger<ScheduleRunner> logger)
    {
        _store = store;
        _queue = queue;
        _entries = entries;
        _signal = signal;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Completes when the runner has reconciled with the database and is waiting for due occurrences.</summary>
    public Task Started => _started.Task;

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Every Active schedule due at or before this instant has been looked at by a look-ahead pass (memory only).
    private DateTimeOffset? _lookedAheadUntil;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await _store.InitializeAsync(stoppingToken).ConfigureAwait(false);
        // Subscribed before reconciling, so no completion falls between the two.
        var watch = WatchCompletionsAsync(stoppingToken);
        var settle = SettleLoopAsync(stoppingToken);
        try
        {
            await RunLoopAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            _ended.Writer.TryComplete();
            await Task.WhenAll(watch, settle).ConfigureAwait(false);
        }
    }

    private async Task RunLoopAsync(CancellationToken cancellationToken)
    {
        long lastReconcile = 0;
        var reconciled = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!reconciled || _time.GetElapsedTime(lastReconcile) >= _options.IdlePollInterval)
                {
                    await ReconcileAsync(cancellationToken).ConfigureAwait(false);
                    lastReconcile = _time.GetTimestamp();
                    reconciled = true;
                    _started.TrySetResult();
                }

                var now = _time.GetUtcNow();
                var earliest = await _store.EarliestDueAsync(cancellationToken).ConfigureAwait(false);
                LogWake(_logger, now, earliest);
                if (earliest <= now)
                {
                    var due = await _store.ListDueAsync(now, _options.BatchSize, cancellationToken).ConfigureAwait(false);
                    await ProcessDueAsync(due, now, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var wakeAt = earliest;
                if (earliest is { } first && _options.LeadTime > TimeSpan.Zero)
                {
                    // Schedules at or before _lookedAheadUntil were looked at already; those still there wait for
                    // their due time (an earlier entry was still queued or running), so only newer ones are read.
                    var seen = _lookedAheadUntil is { } until && until >= first ? until : (DateTimeOffset?)null;
                    var candidate = seen is { } after
                        ? await _store.EarliestDueAfterAsync(after, cancellationToken).ConfigureAwait(false)
                        : first;
                    var horizon = now + _options.LeadTime;
                    if (candidate <= horizon)
                    {
                        var ahead = seen is { } from
                            ? await _store.ListDueAsync(from, horizon, _options.BatchSize, cancellationToken).ConfigureAwait(false)
                            : await _store.ListDueAsync(horizon, _options.BatchSize, cancellationToken).ConfigureAwait(false);
                        await ProcessDueAsync(ahead, now, cancellationToken).ConfigureAwait(false);
                        _lookedAheadUntil = ahead.Count >= _options.BatchSize ? ahead[^1].NextOccurrence : horizon;
                        continue;
                    }
                    if (candidate is { } nextAhead && nextAhead - _options.LeadTime < first)
                    {
                        wakeAt = nextAhead - _options.LeadTime;
                    }
                }

                var wait = _options.IdlePollInterval - _time.GetElapsedTime(lastReconcile);
                if (wakeAt is { } next && next - now < wait)
                {
                    wait = next - now;
                }
                if (await _signal.WaitUntilAsync(now + wait, _time, cancellationToken).ConfigureAwait(false))
                {
                    // A local change may have moved a schedule into the look-ahead window already read.
                    _lookedAheadUntil = null;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPassFailed(_logger, e);
                try
                {
                    await Task.Delay(RetryPause, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
