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
    /// Waits until notified or until <paramref name="delay"/> has passed on <paramref name="time"/>; true when notified.
    /// </summary>
    public async Task<bool> WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return _signal.Wait(0, CancellationToken.None);
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signalled = _signal.WaitAsync(stop.Token);
        var elapsed = Task.Delay(delay, time, stop.Token);
        await Task.WhenAny(signalled, elapsed).ConfigureAwait(false);
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
