using ShopSync.Testing.Shopify;
using ShopSync.Shopify.Client;

namespace ShopSync.Shopify.Client.Tests;

public sealed class MutationTests
{
    [Fact]
    public async Task SetInventoryQuantitiesAsync_OneBadLocation_ReportsThatRecordAndAppliesNothing()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();
        var item = context.Store.InventoryItemIds[0];
        var location = context.Store.LocationIds[0];
        var before = context.Store.GetInventoryQuantity(item, location);

        var result = await client.SetInventoryQuantitiesAsync("available", "correction",
        [
            new ShopifyInventoryQuantityInput(item, location, 77),
            new ShopifyInventoryQuantityInput(item, "gid://shopify/Location/404", 5),
        ], CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("INVALID_LOCATION", Assert.Single(result.Records[1].Errors).Code);
        Assert.Empty(result.Records[0].Errors);
        Assert.False(result.Records[0].Succeeded);
        Assert.Equal(before, context.Store.GetInventoryQuantity(item, location));
        Assert.Equal(ShopifyCallOutcome.UserErrors, context.Recorder.Records[^1].Outcome);
    }

    [Fact]
    public async Task SetInventoryQuantitiesAsync_ValidBatch_UpdatesEveryLevel()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var items = context.Store.InventoryItemIds.Take(2).ToList();
        var location = context.Store.LocationIds[1];

        var result = await context.Client().SetInventoryQuantitiesAsync("available", "correction",
            items.Select((id, i) => new ShopifyInventoryQuantityInput(id, location, 10 + i)).ToList(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(10, context.Store.GetInventoryQuantity(items[0], location));
        Assert.Equal(11, context.Store.GetInventoryQuantity(items[1], location));
    }

    [Fact]
    public async Task CreateCustomerAsync_DuplicateEmail_ReturnsUserErrorNotException()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();

        var created = await client.CreateCustomerAsync(new ShopifyCustomerInput("fresh@sandbox.example.com", "Fresh", "Customer"), CancellationToken.None);
        var duplicate = await client.CreateCustomerAsync(new ShopifyCustomerInput("fresh@sandbox.example.com"), CancellationToken.None);

        Assert.True(created.Succeeded);
        Assert.StartsWith("gid://shopify/Customer/", created.Value!.Id, StringComparison.Ordinal);
        Assert.False(duplicate.Succeeded);
        Assert.Equal(["email"], Assert.Single(duplicate.UserErrors).Field);
        Assert.True(context.Store.HasCustomer("fresh@sandbox.example.com"));
    }

    [Fact]
    public async Task CreateFulfillmentAsync_UnfulfilledOrder_RecordsTrackingAndFulfillsTheOrder()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();
        var order = await client.GetOrdersAsync(new ShopifyPageRequest(), CancellationToken.None).ItemsAsync()
            .FirstAsync(o => o.DisplayFulfillmentStatus == "UNFULFILLED" && o.CancelledAt is null);
        var fulfillmentOrder = Assert.Single(await client.GetFulfillmentOrdersAsync(order.Id, CancellationToken.None));

        var result = await client.CreateFulfillmentAsync(
            new ShopifyFulfillmentInput(
                [new ShopifyFulfillmentOrderLines(fulfillmentOrder.Id, fulfillmentOrder.LineItems.Nodes.Select(l => new ShopifyFulfillmentLineInput(l.Id, l.RemainingQuantity)).ToList())],
                new ShopifyTrackingInput("DHL", "JD0142", "https://track.example.com/JD0142")),
            "Shipped from ERP",
            CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("JD0142", Assert.Single(result.Value!.TrackingInfo).Number);
        var recorded = Assert.Single(context.Store.Fulfillments);
        Assert.Equal(order.Id, recorded.OrderId);
        Assert.Equal("DHL", recorded.TrackingCompany);
        Assert.Equal("FULFILLED", context.Store.GetOrderFulfillmentStatus(order.Id));

        var again = await client.CreateFulfillmentAsync(new ShopifyFulfillmentInput([new ShopifyFulfillmentOrderLines(fulfillmentOrder.Id)]), null, CancellationToken.None);
        Assert.False(again.Succeeded);
    }

    [Fact]
    public async Task ProductMutations_CreateUpdatePricesAndImages_ChangeTheStore()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();

        var created = await client.CreateProductAsync(new ShopifyProductInput(Title: "ERP Item 1000", Vendor: "ERP"), CancellationToken.None);
        var variantId = created.Value!.Variants!.Nodes[0].Id;
        var prices = await client.UpdateVariantsAsync(created.Value.Id,
            [new ShopifyVariantUpdate(variantId, Price: 19.95m, InventoryItem: new ShopifyInventoryItemInput(Sku: "1000"))], CancellationToken.None);
        var badPrices = await client.UpdateVariantsAsync(created.Value.Id, [new ShopifyVariantUpdate("gid://shopify/ProductVariant/1", Price: 1m)], CancellationToken.None);
        var images = await client.AddProductImagesAsync(created.Value.Id,
            [new ShopifyMediaInput("https://erp.example.com/items/1000.jpg", "Item 1000"), new ShopifyMediaInput("not a url")], CancellationToken.None);
        var updated = await client.UpdateProductAsync(new ShopifyProductInput(Id: created.Value.Id, Title: "ERP Item 1000 (renamed)"), CancellationToken.None);

        Assert.True(created.Succeeded && prices.Succeeded && updated.Succeeded);
        Assert.Equal(19.95m, context.Store.GetVariantPrice(variantId));
        Assert.Equal("PRODUCT_VARIANT_DOES_NOT_EXIST", Assert.Single(badPrices.Records[0].Errors).Code);
        Assert.True(images.Records[0].Succeeded);
        Assert.False(images.Records[1].Succeeded);
        Assert.Equal(["https://erp.example.com/items/1000.jpg"], context.Store.GetProductImageUrls(created.Value.Id));
        Assert.Equal("ERP Item 1000 (renamed)", updated.Value!.Title);
    }

    [Fact]
    public async Task AddPriceListFixedPricesAsync_ValidAndWrongCurrency_SetsPriceOrReportsTheRecord()
    {
        await using var context = await ShopifyTestContext.StartAsync();
        var client = context.Client();
        var catalog = await client.GetCatalogsAsync(new ShopifyPageRequest(), CancellationToken.None).ItemsAsync().FirstAsync();
        var product = await client.GetProductsAsync(new ShopifyPageRequest(), CancellationToken.None).ItemsAsync().FirstAsync();
        var variantId = product.Variants.Nodes[0].Id;

        var ok = await client.AddPriceListFixedPricesAsync(catalog.PriceList!.Id, [new ShopifyPriceListPriceInput(variantId, new ShopifyMoney(12.5m, "USD"))], CancellationToken.None);
        var wrong = await client.AddPriceListFixedPricesAsync(catalog.PriceList.Id, [new ShopifyPriceListPriceInput(variantId, new ShopifyMoney(9m, "EUR"))], CancellationToken.None);

        Assert.True(ok.Succeeded);
        Assert.Equal(12.5m, context.Store.GetFixedPrice(catalog.PriceList.Id, variantId));
        Assert.Equal("PRICES_TO_ADD_CURRENCY_MISMATCH", Assert.Single(wrong.Records[0].Errors).Code);
        var prices = await client.GetPriceListPricesAsync(catalog.PriceList.Id, new ShopifyPageRequest(), CancellationToken.None).ItemsAsync().ToListAsync();
        Assert.Contains(prices, p => p.Variant.Id == variantId && p.Price.Amount == 12.5m);
    }
}
