using ShopSync.Testing.Shopify;
using ShopSync.Shopify.Client;
using ShopSync.Shopify.Sandbox;

namespace ShopSync.Shopify.Client.Tests;

public sealed class RetryTests
{
    [Fact]
    public async Task ExecuteAsync_429WithRetryAfter_RetriesAfterTheAdvertisedDelay()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        context.Store.InjectFaults(new SandboxFault(SandboxFaultKind.TooManyRequests, RetryAfterSeconds: 0.2), count: 1);

        var shop = await context.Client().GetShopAsync(CancellationToken.None);

        Assert.Equal("ShopSync Demo Store", shop.Name);
        Assert.Equal(["fault:TooManyRequests", "ok"], context.Store.Requests.Select(r => r.Outcome));
        var record = Assert.Single(context.Recorder.Records);
        Assert.Equal(ShopifyCallOutcome.Succeeded, record.Outcome);
        Assert.Equal(1, record.Retries);
        Assert.Equal(context.Store.Requests[^1].RequestId, record.RequestId);
        Assert.True(record.Duration >= TimeSpan.FromMilliseconds(190), $"waited {record.Duration}");
    }

    [Theory]
    [InlineData(SandboxFaultKind.InternalServerError)]
    [InlineData(SandboxFaultKind.ServiceUnavailable)]
    [InlineData(SandboxFaultKind.Disconnect)]
    public async Task ExecuteAsync_TransientFailures_AreRetriedWithBackoff(SandboxFaultKind kind)
    {
        await using var context = await ShopifyTestContext.StartAsync();
        context.Store.InjectFaults(new SandboxFault(kind), count: 2);

        var locations = await context.Client().GetLocationsAsync(CancellationToken.None);

        Assert.Equal(2, locations.Count);
        Assert.Equal(2, Assert.Single(context.Recorder.Records).Retries);
        Assert.Equal(3, context.Store.Requests.Count);
    }

    [Fact]
    public async Task ExecuteAsync_FailuresBeyondMaxAttempts_ThrowsRetriesExhausted()
    {
        await using var context = await ShopifyTestContext.StartAsync(configure: o => o.MaxAttempts = 3);
        context.Store.InjectFaults(new SandboxFault(SandboxFaultKind.InternalServerError), count: 5);

        var error = await Assert.ThrowsAsync<ShopifyRequestFailedException>(() => context.Client().GetShopAsync(CancellationToken.None));

        Assert.True(error.RetriesExhausted);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal(3, context.Store.Requests.Count);
        Assert.Equal(ShopifyCallOutcome.Failed, Assert.Single(context.Recorder.Records).Outcome);
    }

    [Fact]
    public async Task ExecuteAsync_InjectedThrottle_WaitsForBudgetAndSucceeds()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        context.Store.InjectFaults(new SandboxFault(SandboxFaultKind.Throttled), count: 1);

        await context.Client().GetShopAsync(CancellationToken.None);

        var record = Assert.Single(context.Recorder.Records);
        Assert.Equal(1, record.ThrottledCount);
        Assert.Equal(ShopifyCallOutcome.Succeeded, record.Outcome);
    }

    [Fact]
    public async Task ExecuteAsync_WrongToken_ThrowsAuthenticationErrorWithoutRetrying()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        const string wrongToken = "shpat_wrong_token_value_123";

        var error = await Assert.ThrowsAsync<ShopifyAuthenticationException>(() => context.Client(token: wrongToken).GetShopAsync(CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Single(context.Store.Requests);
        Assert.DoesNotContain(wrongToken, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ShopifyCallOutcome.AuthenticationFailed, Assert.Single(context.Recorder.Records).Outcome);
    }
}
