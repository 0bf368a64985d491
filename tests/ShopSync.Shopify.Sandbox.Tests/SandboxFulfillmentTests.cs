using ShopSync.Testing.Shopify;
using ShopSync.Shopify.Client;

namespace ShopSync.Shopify.Sandbox.Tests;

/// <summary>fulfillmentCreate refusals of the sandbox, through the real client: Shopify's own messages and the injected ones.</summary>
public sealed class SandboxFulfillmentTests
{
    [Fact]
    public async Task CreateFulfillmentAsync_ClosedFulfillmentOrder_IsRefusedWithShopifysUnfulfillableStatusMessage()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();
        var (order, fulfillmentOrder) = await UnfulfilledAsync(client);
        var all = AllLines(fulfillmentOrder);
        Assert.True((await client.CreateFulfillmentAsync(all, null, CancellationToken.None)).Succeeded);

        var again = await client.CreateFulfillmentAsync(all, null, CancellationToken.None);

        var error = Assert.Single(again.UserErrors);
        Assert.Equal($"Fulfillment order {Tail(fulfillmentOrder.Id)} has an unfulfillable status= closed.", error.Message);
        Assert.Equal(["fulfillment"], error.Field);
        Assert.Null(again.Value);
        Assert.Single(context.Store.Fulfillments);
        Assert.Equal("CLOSED", context.Store.GetFulfillmentOrderStatuses(order.Id)[fulfillmentOrder.Id]);
    }

    [Fact]
    public async Task CreateFulfillmentAsync_MoreThanRemaining_IsRefusedAndChangesNothing()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();
        var (order, fulfillmentOrder) = await UnfulfilledAsync(client);
        var line = fulfillmentOrder.LineItems.Nodes[0];

        var result = await client.CreateFulfillmentAsync(
            new ShopifyFulfillmentInput([new ShopifyFulfillmentOrderLines(fulfillmentOrder.Id, [new ShopifyFulfillmentLineInput(line.Id, line.RemainingQuantity + 1)])]),
            null, CancellationToken.None);

        Assert.Equal("Invalid fulfillment order line item quantity requested.", Assert.Single(result.UserErrors).Message);
        Assert.Empty(context.Store.Fulfillments);
        Assert.Equal("UNFULFILLED", context.Store.GetOrderFulfillmentStatus(order.Id));
        var reread = Assert.Single(await client.GetFulfillmentOrdersAsync(order.Id, CancellationToken.None));
        Assert.Equal(line.RemainingQuantity, reread.LineItems.Nodes[0].RemainingQuantity);
    }

    [Fact]
    public async Task CreateFulfillmentAsync_OrderOnHold_IsRefusedUntilTheHoldIsReleased()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();
        var (order, fulfillmentOrder) = await UnfulfilledAsync(client);

        Assert.True(context.Store.HoldFulfillmentOrders(order.Id));
        var held = await client.CreateFulfillmentAsync(AllLines(fulfillmentOrder), null, CancellationToken.None);
        var status = Assert.Single(await client.GetFulfillmentOrdersAsync(order.Id, CancellationToken.None)).Status;
        Assert.True(context.Store.ReleaseFulfillmentOrders(order.Id));
        var released = await client.CreateFulfillmentAsync(AllLines(fulfillmentOrder), null, CancellationToken.None);

        Assert.Equal("ON_HOLD", status);
        Assert.Equal($"Fulfillment order {Tail(fulfillmentOrder.Id)} has an unfulfillable status= on_hold.", Assert.Single(held.UserErrors).Message);
        Assert.True(released.Succeeded, string.Join("; ", released.UserErrors.Select(e => e.Message)));
        Assert.Single(context.Store.Fulfillments);
        Assert.False(context.Store.HoldFulfillmentOrders("gid://shopify/Order/404"));
    }

    [Fact]
    public async Task CreateFulfillmentAsync_InjectedRefusalForOrderOrFulfillmentOrder_AnswersItsMessageUntilLifted()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();
        var (order, fulfillmentOrder) = await UnfulfilledAsync(client);

        context.Store.RefuseFulfillments(order.Id, "The order has been cancelled.");
        var byOrder = await client.CreateFulfillmentAsync(AllLines(fulfillmentOrder), null, CancellationToken.None);
        Assert.True(context.Store.LiftFulfillmentRefusal(order.Id));
        context.Store.RefuseFulfillments(fulfillmentOrder.Id, "Fulfillment order is locked.");
        var byFulfillmentOrder = await client.CreateFulfillmentAsync(AllLines(fulfillmentOrder), null, CancellationToken.None);
        Assert.True(context.Store.LiftFulfillmentRefusal(fulfillmentOrder.Id));
        var lifted = await client.CreateFulfillmentAsync(AllLines(fulfillmentOrder), null, CancellationToken.None);

        Assert.Equal("The order has been cancelled.", Assert.Single(byOrder.UserErrors).Message);
        Assert.Equal("Fulfillment order is locked.", Assert.Single(byFulfillmentOrder.UserErrors).Message);
        Assert.True(lifted.Succeeded);
        Assert.Single(context.Store.Fulfillments);
        Assert.False(context.Store.LiftFulfillmentRefusal(order.Id));
    }

    private static async Task<(ShopifyOrder Order, ShopifyFulfillmentOrder FulfillmentOrder)> UnfulfilledAsync(IShopifyAdminClient client)
    {
        var order = await client.GetOrdersAsync(new ShopifyPageRequest(), CancellationToken.None).ItemsAsync()
            .FirstAsync(o => o.DisplayFulfillmentStatus == "UNFULFILLED" && o.CancelledAt is null);
        return (order, Assert.Single(await client.GetFulfillmentOrdersAsync(order.Id, CancellationToken.None)));
    }

    private static ShopifyFulfillmentInput AllLines(ShopifyFulfillmentOrder fulfillmentOrder) => new(
        [new ShopifyFulfillmentOrderLines(fulfillmentOrder.Id, fulfillmentOrder.LineItems.Nodes.Select(l => new ShopifyFulfillmentLineInput(l.Id, l.RemainingQuantity)).ToList())]);

    private static string Tail(string gid) => gid[(gid.LastIndexOf('/') + 1)..];
}
