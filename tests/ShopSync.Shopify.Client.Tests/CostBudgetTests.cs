using ShopSync.Testing.Shopify;
using Microsoft.Extensions.Time.Testing;
using ShopSync.Shopify.Client;

namespace ShopSync.Shopify.Client.Tests;

public sealed class CostBudgetTests
{
    [Fact]
    public async Task ReserveAsync_NotEnoughPoints_WaitsUntilTheRestoreRateRefillsThem()
    {
        var time = new FakeTimeProvider();
        var budget = new ShopifyCostBudget(time, 1000, 50);
        budget.Complete(await budget.ReserveAsync(10, CancellationToken.None), new ShopifyThrottleStatus(100, 0, 10), charged: 10);

        var waiting = budget.ReserveAsync(20, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(1.5));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.6));

        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, budget.Snapshot().CurrentlyAvailable, precision: 3);
    }

    [Fact]
    public async Task ReserveAsync_BeforeFirstAnswer_LetsOnlyOneCallerProbeTheStore()
    {
        var time = new FakeTimeProvider();
        var budget = new ShopifyCostBudget(time, 1000, 50);
        var probe = await budget.ReserveAsync(10, CancellationToken.None);

        var second = budget.ReserveAsync(10, CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        budget.Complete(probe, new ShopifyThrottleStatus(50, 40, 20), charged: 10);

        await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(50, budget.Snapshot().MaximumAvailable);
        Assert.True(budget.Snapshot().IsCalibrated);
    }

    [Fact]
    public async Task Complete_ActualBelowReserved_RefundsTheDifference()
    {
        var time = new FakeTimeProvider();
        var budget = new ShopifyCostBudget(time, 1000, 50);
        budget.Complete(await budget.ReserveAsync(10, CancellationToken.None), new ShopifyThrottleStatus(100, 100, 10), charged: 10);

        budget.Complete(await budget.ReserveAsync(60, CancellationToken.None), null, charged: 15);

        Assert.Equal(85, budget.Snapshot().CurrentlyAvailable, precision: 3);
    }
}
