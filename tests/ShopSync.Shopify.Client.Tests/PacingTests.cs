using ShopSync.Testing.Shopify;
using System.Diagnostics;
using ShopSync.Shopify.Client;
using ShopSync.Shopify.Sandbox;
using Xunit.Abstractions;

namespace ShopSync.Shopify.Client.Tests;

public sealed class PacingTests(ITestOutputHelper output)
{
    // Customers page of 3: 2 + 3 × (customer 1 + defaultAddress 1 + amountSpent 1) = 11 points.
    private static SandboxOptions TinyBucket(int customers) => new() { Customers = customers, BucketSize = 50, RestoreRate = 20 };

    [Fact]
    public async Task GetCustomersAsync_TinyBucket_NeverThrottledTwiceInARowAndPacesToRestoreRate()
    {
        await using var context = await ShopifyTestContext.StartAsync(TinyBucket(42));
        var stopwatch = Stopwatch.StartNew();

        var customers = await context.Client().GetCustomersAsync(new ShopifyPageRequest(PageSize: 3), CancellationToken.None).ItemsAsync().ToListAsync();

        stopwatch.Stop();
        Assert.Equal(42, customers.Select(c => c.Id).Distinct().Count());
        AssertNeverThrottledTwiceInARow(context);
        var totalCost = context.Store.Requests.Where(r => r.Outcome == "ok").Sum(r => r.RequestedCost);
        var ideal = TimeSpan.FromSeconds((totalCost - 50) / 20.0);
        output.WriteLine($"one worker: {context.Store.Requests.Count} requests, {totalCost} points, " +
            $"throttled {context.Store.Requests.Count(r => r.Outcome == "THROTTLED")}, elapsed {stopwatch.Elapsed.TotalSeconds:F2}s, ideal {ideal.TotalSeconds:F2}s");

        // Sanity only (load can make it slower, never faster): pacing really waited for the restore rate.
        Assert.True(stopwatch.Elapsed >= ideal * 0.8, $"elapsed {stopwatch.Elapsed} vs ideal {ideal}");
    }

    [Fact]
    public async Task GetCustomersAsync_TwoWorkersShareOneBudget_NeverThrottledTwiceInARow()
    {
        await using var context = await ShopifyTestContext.StartAsync(TinyBucket(30));
        var stopwatch = Stopwatch.StartNew();

        // Two clients of the same store (as two job workers would create) read concurrently.
        var first = context.Client(shopCode: "DEMO-A").GetCustomersAsync(new ShopifyPageRequest(PageSize: 3), CancellationToken.None).ItemsAsync().ToListAsync().AsTask();
        var second = context.Client(shopCode: "DEMO-B").GetCustomersAsync(new ShopifyPageRequest(PageSize: 3), CancellationToken.None).ItemsAsync().ToListAsync().AsTask();
        var results = await Task.WhenAll(first, second);

        stopwatch.Stop();
        Assert.Equal(30, results[0].Count);
        Assert.Equal(30, results[1].Count);
        AssertNeverThrottledTwiceInARow(context);
        var totalCost = context.Store.Requests.Where(r => r.Outcome == "ok").Sum(r => r.RequestedCost);
        var ideal = TimeSpan.FromSeconds((totalCost - 50) / 20.0);
        output.WriteLine($"two workers: {context.Store.Requests.Count} requests, {totalCost} points, " +
            $"throttled {context.Store.Requests.Count(r => r.Outcome == "THROTTLED")}, elapsed {stopwatch.Elapsed.TotalSeconds:F2}s, ideal {ideal.TotalSeconds:F2}s");
        Assert.True(stopwatch.Elapsed >= ideal * 0.8, $"elapsed {stopwatch.Elapsed} vs ideal {ideal}");
    }

    private static void AssertNeverThrottledTwiceInARow(ShopifyTestContext context)
    {
        Assert.All(context.Recorder.Records, r => Assert.True(r.ThrottledCount <= 1, $"{r.OperationName} throttled {r.ThrottledCount} times"));
        var outcomes = context.Store.Requests.Select(r => r.Outcome).ToList();
        for (var i = 1; i < outcomes.Count; i++)
        {
            Assert.False(outcomes[i] == "THROTTLED" && outcomes[i - 1] == "THROTTLED", $"requests {i - 1} and {i} were both THROTTLED");
        }
    }
}
