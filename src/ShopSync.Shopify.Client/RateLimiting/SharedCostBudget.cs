namespace ShopSync.Shopify.Client;

/// <summary>
/// A store's budget kept in an <see cref="IShopifyCostBudgetStore"/> that every node shares. The callers of this process
/// queue first-in first-out on a gate, so one take per store is in flight from here; the one at the head asks the
/// store and, when the points are not there, waits (on the TimeProvider) the time the store says and asks again.
/// </summary>
internal sealed class SharedCostBudget : ICostBudget
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly IShopifyCostBudgetStore store;
    private readonly string key;
    private readonly TimeProvider timeProvider;
    private readonly double defaultMaximum;
    private readonly double defaultRestoreRate;
    private ShopifyThrottleSnapshot last;

    public SharedCostBudget(IShopifyCostBudgetStore store, string key, TimeProvider timeProvider, double defaultMaximum, double defaultRestoreRate)
    {
        this.store = store;
        this.key = key;
        this.timeProvider = timeProvider;
        this.defaultMaximum = defaultMaximum;
        this.defaultRestoreRate = defaultRestoreRate;
        last = new ShopifyThrottleSnapshot(defaultMaximum, defaultMaximum, defaultRestoreRate, IsCalibrated: false);
    }

    public async ValueTask<CostReservation> ReserveAsync(double cost, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var take = await store.TryTakeAsync(key, cost, defaultMaximum, defaultRestoreRate, cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref last, take.State);
                if (take.Taken)
                {
                    return new CostReservation(cost, HoldsGate: false);
                }

                await Task.Delay(take.Wait + TimeSpan.FromMilliseconds(1), timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public ValueTask CompleteAsync(CostReservation reservation, ShopifyThrottleStatus? status, double? charged) =>
        store.SettleAsync(key, reservation.Cost, charged, status, CancellationToken.None);

    public ShopifyThrottleSnapshot Snapshot() => Volatile.Read(ref last);
}
