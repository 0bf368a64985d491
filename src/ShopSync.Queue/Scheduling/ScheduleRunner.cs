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
/// second node runs an occurrence twice (the unique index on the entries is the final guard).
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

                var wait = _options.IdlePollInterval - _time.GetElapsedTime(lastReconcile);
                if (earliest is { } next && next - now < wait)
                {
                    wait = next - now;
                }
                // Whole milliseconds, rounded up: a timer that fires a hair early would only spin once more.
                wait = TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));
                await _signal.WaitAsync(wait, _time, cancellationToken).ConfigureAwait(false);
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
