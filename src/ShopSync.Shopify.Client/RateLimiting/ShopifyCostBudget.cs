namespace ShopSync.Shopify.Client;

/// <summary>
/// A leaky-bucket model of one store's GraphQL cost budget, shared by every caller of that store.
/// Callers queue first-in first-out on a gate; the caller at the head waits (on the TimeProvider)
/// until the modelled availability covers its estimated cost, reserves it and lets the next one in.
/// Every response re-calibrates the model with the store's own throttleStatus figures.
/// </summary>
internal sealed class ShopifyCostBudget : ICostBudget
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Lock sync = new();
    private readonly TimeProvider timeProvider;
    private double maximum;
    private double available;
    private double restoreRate;
    private long stamp;
    private double inFlight;
    private bool calibrated;

    public ShopifyCostBudget(TimeProvider timeProvider, double defaultMaximum, double defaultRestoreRate)
    {
        this.timeProvider = timeProvider;
        maximum = defaultMaximum;
        available = defaultMaximum;
        restoreRate = defaultRestoreRate;
        stamp = timeProvider.GetTimestamp();
    }

    /// <summary>Waits for budget and reserves <paramref name="cost"/> points.</summary>
    /// <remarks>Until the store has answered once, the first caller keeps the gate for its whole request
    /// so nobody else spends a budget whose size is still a guess.</remarks>
    public async ValueTask<CostReservation> ReserveAsync(double cost, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var keepGate = false;
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (sync)
                {
                    Refill();
                    if (!calibrated)
                    {
                        keepGate = true;
                        available -= cost;
                        inFlight += cost;
                        return new CostReservation(cost, HoldsGate: true);
                    }

                    var needed = Math.Min(cost, maximum);
                    if (available >= needed)
                    {
                        available -= cost;
                        inFlight += cost;
                        return new CostReservation(cost, HoldsGate: false);
                    }

                    wait = TimeSpan.FromSeconds((needed - available) / restoreRate);
                }

                await Task.Delay(wait + TimeSpan.FromMilliseconds(1), timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (!keepGate)
            {
                gate.Release();
            }
        }
    }

    /// <summary>Ends a reservation. <paramref name="status"/> is the store's report, when the response carried one.</summary>
    /// <param name="reservation">The reservation taken for the attempt.</param>
    /// <param name="status">throttleStatus of the response, or null (network error, 5xx...).</param>
    /// <param name="charged">Points the store charged (actualQueryCost; 0 when THROTTLED), or null when unknown.</param>
    public void Complete(CostReservation reservation, ShopifyThrottleStatus? status, double? charged)
    {
        lock (sync)
        {
            Refill();
            inFlight = Math.Max(0, inFlight - reservation.Cost);
            if (charged is { } actual)
            {
                available = Math.Min(maximum, available + reservation.Cost - actual);
            }

            if (status is not null && status.RestoreRate > 0 && status.MaximumAvailable > 0)
            {
                maximum = status.MaximumAvailable;
                restoreRate = status.RestoreRate;

                // The store's figure is the truth for everything it has seen; requests still in flight
                // may not be in it yet, so with others outstanding keep the more cautious of the two.
                available = inFlight <= 0 ? status.CurrentlyAvailable : Math.Min(available, status.CurrentlyAvailable);
                calibrated = true;
            }
        }

        if (reservation.HoldsGate)
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(CostReservation reservation, ShopifyThrottleStatus? status, double? charged)
    {
        Complete(reservation, status, charged);
        return ValueTask.CompletedTask;
    }

    public ShopifyThrottleSnapshot Snapshot()
    {
        lock (sync)
        {
            Refill();
            return new ShopifyThrottleSnapshot(maximum, available, restoreRate, calibrated);
        }
    }

    private void Refill()
    {
        var now = timeProvider.GetTimestamp();
        var elapsed = timeProvider.GetElapsedTime(stamp, now).TotalSeconds;
        stamp = now;
        if (elapsed > 0)
        {
            available = Math.Min(maximum, available + (elapsed * restoreRate));
        }
    }
}
