using Microsoft.Extensions.Logging;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Queue.Dispatching;

/// <summary>
/// Coalesces progress writes: reports go into a map (one pending report per entry) and a single loop writes
/// whatever is pending in one store call, then broadcasts the persisted events. At low rates every report becomes
/// an event; at high rates reports between two writes collapse into the newest. Reporting never waits for the database.
/// </summary>
internal sealed partial class ProgressFlusher
{
    private readonly IJobStore _store;
    private readonly JobEventHub _hub;
    private readonly ILogger<ProgressFlusher> _logger;
    private readonly Lock _gate = new();
    private Dictionary<Guid, ProgressWrite> _pending = [];
    private Dictionary<Guid, ProgressWrite>? _writing;
    private TaskCompletionSource? _written;
    private Task _loop = Task.CompletedTask;
    private bool _running;

    public ProgressFlusher(IJobStore store, JobEventHub hub, ILogger<ProgressFlusher> logger)
    {
        _store = store;
        _hub = hub;
        _logger = logger;
    }

    public void Enqueue(ProgressWrite write)
    {
        lock (_gate)
        {
            _pending[write.JobId] = write;
            if (_running)
            {
                return;
            }

            _running = true;
            _loop = Task.Run(FlushLoopAsync);
        }
    }

    /// <summary>
    /// Removes and returns the entry's unwritten report (it travels with the completion instead), after any write of
    /// its reports in progress has ended: a completion must never overtake one, or the fenced progress write finds the
    /// run ended and the report is lost. Checking and taking happen under one lock, so the loop cannot pick the report
    /// up in between (the handler has returned, so no newer report follows).
    /// </summary>
    public async Task<ProgressWrite?> TakeUnwrittenAsync(Guid jobId)
    {
        while (true)
        {
            Task written;
            lock (_gate)
            {
                if (_writing is null || !_writing.ContainsKey(jobId))
                {
                    return _pending.Remove(jobId, out var write) ? write : null;
                }

                written = _written!.Task;
            }

            await written.ConfigureAwait(false);
        }
    }

    /// <summary>Waits until everything reported so far is written.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task loop;
            lock (_gate)
            {
                if (!_running)
                {
                    return;
                }

                loop = _loop;
            }

            await loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task FlushLoopAsync()
    {
        while (true)
        {
            Dictionary<Guid, ProgressWrite> batch;
            TaskCompletionSource written;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _running = false;
                    return;
                }

                batch = _pending;
                _pending = [];
                _writing = batch;
                _written = written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            try
            {
                var events = await _store.AppendProgressAsync([.. batch.Values], CancellationToken.None).ConfigureAwait(false);
                _hub.Publish(events);
            }
            catch (Exception ex)
            {
                LogFlushFailed(_logger, ex, batch.Count);
            }
            finally
            {
                lock (_gate)
                {
                    _writing = null;
                }

                written.TrySetResult();
            }
        }
    }

    [LoggerMessage(EventId = 1301, EventName = "FlushFailed", Level = LogLevel.Warning, Message = "Writing {Count} progress reports failed; they are dropped")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int count);
}
