namespace ShopSync.Shopify.Sandbox;

/// <summary>The store's leaky bucket, as Shopify runs it: a request needs its requested cost available; the difference to the actual cost is refunded.</summary>
internal sealed class SandboxBucket
{
    private readonly TimeProvider timeProvider;
    private double available;
    private long stamp;

    public SandboxBucket(TimeProvider timeProvider, double maximum, double restoreRate)
    {
        this.timeProvider = timeProvider;
        Maximum = maximum;
        RestoreRate = restoreRate;
        available = maximum;
        stamp = timeProvider.GetTimestamp();
    }

    public double Maximum { get; }

    public double RestoreRate { get; }

    public double Available
    {
        get
        {
            Refill();
            return available;
        }
    }

    public bool TryTake(int cost)
    {
        Refill();
        if (available < cost)
        {
            return false;
        }

        available -= cost;
        return true;
    }

    public void Refund(int points)
    {
        Refill();
        available = Math.Min(Maximum, available + points);
    }

    private void Refill()
    {
        var now = timeProvider.GetTimestamp();
        available = Math.Min(Maximum, available + (timeProvider.GetElapsedTime(stamp, now).TotalSeconds * RestoreRate));
        stamp = now;
    }
}
