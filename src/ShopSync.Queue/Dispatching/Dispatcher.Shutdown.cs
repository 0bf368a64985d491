namespace ShopSync.Queue.Dispatching;

/// <summary>
/// Two-phase shutdown: stop claiming, let runs finish for a grace period, then cancel them. The dispatcher has stopped
/// when no run is left and no store call it started (a claim, a run's end, lease maintenance) is still out: the host
/// disposes the store next, so a run's end must be written before StopAsync returns.
/// </summary>
internal sealed partial class Dispatcher
{
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        RunningJob[] running;
        lock (_gate)
        {
            _stopping = true;
            running = [.. _running.Values];
            CheckAllStoppedLocked();
        }

        LogStopping(_logger, running.Length, _options.ShutdownGracePeriod);
        var grace = Task.Delay(_options.ShutdownGracePeriod, _time, cancellationToken);
        await Task.WhenAny(_allStopped.Task, grace).ConfigureAwait(false);
        if (!_allStopped.Task.IsCompleted)
        {
            lock (_gate)
            {
                // From now on a run that a claim still out brings back is stopped as it starts (StartRun).
                _graceOver = true;
                running = [.. _running.Values];
            }

            foreach (var run in running)
            {
                run.Stop(StopReason.Shutdown);
            }

            // The handlers were asked to stop; give them a moment to record their end.
            await Task.WhenAny(_allStopped.Task, Task.Delay(TimeSpan.FromSeconds(5), _time, CancellationToken.None)).ConfigureAwait(false);
        }

        await _flusher.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>Counts a store call shutdown waits for; false once shutdown stopped waiting (then make no call).</summary>
    private bool TryBeginStoreCall()
    {
        lock (_gate)
        {
            if (_allStopped.Task.IsCompleted)
            {
                return false;
            }

            _storeCallsInFlight++;
            return true;
        }
    }

    private void EndStoreCall()
    {
        lock (_gate)
        {
            _storeCallsInFlight--;
            CheckAllStoppedLocked();
        }
    }

    /// <summary>Caller holds the lock.</summary>
    private void CheckAllStoppedLocked()
    {
        if (_stopping && _running.Count == 0 && _storeCallsInFlight == 0)
        {
            _allStopped.TrySetResult();
        }
    }
}
