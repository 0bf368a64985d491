using ShopSync.Testing.Shopify;
using ShopSync.Shopify.Client;
using ShopSync.Shopify.Sandbox;

namespace ShopSync.Shopify.Client.Tests;

public sealed class SafetyTests
{
    [Fact]
    public async Task Mutation_ReadOnlyShop_IsRefusedBeforeAnythingReachesTheStore()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client(allowOutgoing: false);

        var error = await Assert.ThrowsAsync<ShopifyReadOnlyException>(
            () => client.CreateCustomerAsync(new ShopifyCustomerInput("new@sandbox.example.com"), CancellationToken.None));

        Assert.Contains("read-only", error.Message, StringComparison.Ordinal);
        Assert.Empty(context.Store.Requests);
        Assert.False(context.Store.HasCustomer("new@sandbox.example.com"));
        Assert.Equal(ShopifyCallOutcome.ReadOnlyRefused, Assert.Single(context.Recorder.Records).Outcome);

        var locations = await client.GetLocationsAsync(CancellationToken.None);
        Assert.Equal(2, locations.Count);
    }

    [Fact]
    public void Operations_KnowWhetherTheyAreMutations()
    {
        Assert.True(ShopifyFulfillmentOperations.FulfillmentCreate.IsMutation);
        Assert.True(ShopifyInventoryOperations.InventorySetQuantities.IsMutation);
        Assert.False(ShopifyOrderOperations.Orders.IsMutation);
        Assert.False(ShopifyPaymentOperations.Payouts.IsMutation);
    }

    [Fact]
    public async Task AllCalls_TokenNeverAppearsInLogsExceptionsOrRecords()
    {
        const string token = "shpat_super_secret_token_4711";
        await using var context = await ShopifyTestContext.StartAsync(new SandboxOptions { AccessToken = token }, o => o.MaxAttempts = 2);
        var client = context.Client();
        var errors = new List<string>();

        await client.GetShopAsync(CancellationToken.None);
        context.Store.InjectFaults(new SandboxFault(SandboxFaultKind.InternalServerError), 3);
        errors.Add((await Assert.ThrowsAsync<ShopifyRequestFailedException>(() => client.GetShopAsync(CancellationToken.None))).ToString());
        context.Store.ClearFaults();
        errors.Add((await Assert.ThrowsAsync<ShopifyAuthenticationException>(() => context.Client(token: token + "x").GetShopAsync(CancellationToken.None))).ToString());
        errors.Add((await Assert.ThrowsAsync<ShopifyReadOnlyException>(
            () => context.Client(allowOutgoing: false).CreateCustomerAsync(new ShopifyCustomerInput("a@b.c"), CancellationToken.None))).ToString());
        errors.Add(client.Shop.ToString());

        Assert.NotEmpty(context.Logs.Lines);
        Assert.Contains(context.Logs.Lines, l => l.Contains("[5005]", StringComparison.Ordinal));
        Assert.All(context.Logs.Lines, l => Assert.DoesNotContain(token, l, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain(token, e, StringComparison.Ordinal));
        Assert.All(context.Recorder.Records, r => Assert.DoesNotContain(token, r.ToString(), StringComparison.Ordinal));
    }
}
