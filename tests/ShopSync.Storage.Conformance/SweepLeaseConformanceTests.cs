using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Conformance;

/// <summary>
/// The <see cref="ISweepLeases"/> contract: one holder at a time per sweep, taken over only once expired or released.
/// Every driver whose store implements it derives a class from this one.
/// </summary>
public abstract class SweepLeaseConformanceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => CancellationToken.None;

    // Names of this test's own: a driver's test class may share one database between its tests.
    private readonly string _retention = "retention-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _checkpoint = "checkpoint-" + Guid.NewGuid().ToString("N")[..8];

    protected abstract IStoreFactory Factory { get; }

    private async Task<ISweepLeases> LeasesAsync() => Assert.IsAssignableFrom<ISweepLeases>(await Factory.CreateAsync(Ct));

    [Fact]
    public async Task TryAcquire_HeldByAnother_FailsUntilItExpires()
    {
        var leases = await LeasesAsync();

        var a = await leases.TryAcquireAsync(_retention, "node-a", T0, T0.AddMinutes(5), Ct);
        var b = await leases.TryAcquireAsync(_retention, "node-b", T0.AddMinutes(4), T0.AddMinutes(9), Ct);
        var other = await leases.TryAcquireAsync(_checkpoint, "node-b", T0.AddMinutes(4), T0.AddMinutes(9), Ct);
        var afterExpiry = await leases.TryAcquireAsync(_retention, "node-b", T0.AddMinutes(5), T0.AddMinutes(10), Ct);
        var aAgain = await leases.TryAcquireAsync(_retention, "node-a", T0.AddMinutes(6), T0.AddMinutes(11), Ct);

        Assert.Equal((true, false, true, true, false), (a, b, other, afterExpiry, aAgain));
    }

    [Fact]
    public async Task TryAcquire_SameHolder_RenewsAndReleaseFreesIt()
    {
        var leases = await LeasesAsync();
        await leases.TryAcquireAsync(_retention, "node-a", T0, T0.AddMinutes(5), Ct);

        var renewed = await leases.TryAcquireAsync(_retention, "node-a", T0.AddMinutes(1), T0.AddMinutes(20), Ct);
        var stillHeld = await leases.TryAcquireAsync(_retention, "node-b", T0.AddMinutes(10), T0.AddMinutes(15), Ct);
        await leases.ReleaseAsync(_retention, "node-b", Ct);
        var notReleasedByOther = await leases.TryAcquireAsync(_retention, "node-b", T0.AddMinutes(10), T0.AddMinutes(15), Ct);
        await leases.ReleaseAsync(_retention, "node-a", Ct);
        var afterRelease = await leases.TryAcquireAsync(_retention, "node-b", T0.AddMinutes(10), T0.AddMinutes(15), Ct);

        Assert.Equal((true, false, false, true), (renewed, stillHeld, notReleasedByOther, afterRelease));
    }
}
