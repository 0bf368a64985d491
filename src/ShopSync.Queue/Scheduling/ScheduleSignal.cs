namespace ShopSync.Queue.Scheduling;

/// <summary>Wakes the runner when a schedule changes on this node, so it never has to poll for local changes.</summary>
internal sealed class ScheduleSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Asks the runner to look at the schedules again.</summary>
    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake covers every change.
        }
    }

    /// <summary>
    /// Waits until notified or until <paramref name="wakeAt"/> on <paramref name="time"/>; true when notified.
    /// </summary>
    public async Task<bool> WaitUntilAsync(DateTimeOffset wakeAt, TimeProvider time, CancellationToken cancellationToken)
    {
        var delay = wakeAt - time.GetUtcNow();
        if (delay <= TimeSpan.Zero)
        {
            return _signal.Wait(0, CancellationToken.None);
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _signal.WaitAsync(stop.Token);
        // Whole milliseconds, rounded up: a timer that fires a hair early would only spin once more.
        var elapsed = Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)), time, stop.Token);
        // The clock may have moved on between reading it and arming the timer (a test's manual clock does, and a
        // timer armed relative to the new time would wake late): look again now that the timer is armed.
        if (time.GetUtcNow() < wakeAt)
        {
            await Task.WhenAny(signalled, elapsed).ConfigureAwait(false);
        }
        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(signalled, elapsed).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The loser of the race was cancelled.
        }
        return signalled.IsCompletedSuccessfully;
    }
}
