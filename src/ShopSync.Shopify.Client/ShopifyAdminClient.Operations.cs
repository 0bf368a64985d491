using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Client;

/// <summary>Inventory, fulfillment, payments and catalog calls (split from the reads to keep files short).</summary>
internal sealed partial class ShopifyAdminClient
{
    public async Task<IReadOnlyList<ShopifyLocation>> GetLocationsAsync(CancellationToken cancellationToken) =>
        (await ExecuteAsync(ShopifyInventoryOperations.Locations, null, cancellationToken).ConfigureAwait(false)).Data.Locations.Nodes;

    public IAsyncEnumerable<ShopifyPage<ShopifyInventoryLevel>> GetInventoryLevelsAsync(string locationId, ShopifyPageRequest request, CancellationToken cancellationToken)
    {
        Required(locationId, nameof(locationId));
        var first = request.ResolvePageSize(100);
        return ShopifyPager.PagesAsync(
            transport,
            Shop,
            ShopifyInventoryOperations.InventoryLevels,
            cursor => new JsonObject { ["locationId"] = locationId, ["first"] = first, ["after"] = cursor },
            d => d.Location?.InventoryLevels,
            request.After,
            cancellationToken);
    }

    public async Task<ShopifyBatchResult> SetInventoryQuantitiesAsync(string quantityName, string reason, IReadOnlyList<ShopifyInventoryQuantityInput> quantities, CancellationToken cancellationToken)
    {
        NotEmpty(quantities, nameof(quantities));
        if (quantityName is not ("available" or "on_hand"))
        {
            throw new ArgumentException("quantityName must be 'available' or 'on_hand'.", nameof(quantityName));
        }

        var input = new InventorySetQuantitiesInput(quantityName, Required(reason, nameof(reason)), quantities.All(q => q.CompareQuantity is null), quantities, null);
        var variables = new JsonObject { ["input"] = JsonSerializer.SerializeToNode(input, ShopifyJsonContext.Default.InventorySetQuantitiesInput) };
        var payload = (await ExecuteAsync(ShopifyInventoryOperations.InventorySetQuantities, variables, cancellationToken).ConfigureAwait(false)).Data.InventorySetQuantities;
        return ShopifyBatchResult.From(quantities.Count, payload?.UserErrors ?? [], "quantities");
    }

    public async Task<ShopifyBatchResult> SetOnHandQuantitiesAsync(string reason, IReadOnlyList<ShopifyInventoryQuantityInput> quantities, CancellationToken cancellationToken)
    {
        NotEmpty(quantities, nameof(quantities));
        var set = quantities.Select(q => new InventorySetQuantityInput(q.InventoryItemId, q.LocationId, q.Quantity)).ToList();
        var input = new InventorySetOnHandQuantitiesInput(Required(reason, nameof(reason)), set, null);
        var variables = new JsonObject { ["input"] = JsonSerializer.SerializeToNode(input, ShopifyJsonContext.Default.InventorySetOnHandQuantitiesInput) };
        var payload = (await ExecuteAsync(ShopifyInventoryOperations.InventorySetOnHandQuantities, variables, cancellationToken).ConfigureAwait(false)).Data.InventorySetOnHandQuantities;
        return ShopifyBatchResult.From(quantities.Count, payload?.UserErrors ?? [], "setQuantities");
    }

    public async Task<IReadOnlyList<ShopifyFulfillmentOrder>> GetFulfillmentOrdersAsync(string orderId, CancellationToken cancellationToken)
    {
        var variables = new JsonObject { ["orderId"] = Required(orderId, nameof(orderId)) };
        var order = (await ExecuteAsync(ShopifyFulfillmentOperations.FulfillmentOrders, variables, cancellationToken).ConfigureAwait(false)).Data.Order;
        return order?.FulfillmentOrders.Nodes ?? [];
    }

    public async Task<ShopifyMutationResult<ShopifyFulfillment>> CreateFulfillmentAsync(ShopifyFulfillmentInput input, string? message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        NotEmpty(input.LineItemsByFulfillmentOrder, "ShopifyFulfillmentInput.LineItemsByFulfillmentOrder");
        var variables = new JsonObject
        {
            ["fulfillment"] = JsonSerializer.SerializeToNode(input, ShopifyJsonContext.Default.ShopifyFulfillmentInput),
            ["message"] = message,
        };
        var payload = (await ExecuteAsync(ShopifyFulfillmentOperations.FulfillmentCreate, variables, cancellationToken).ConfigureAwait(false)).Data.FulfillmentCreate;
        return new ShopifyMutationResult<ShopifyFulfillment>(payload?.Fulfillment, payload?.UserErrors ?? []);
    }

    public IAsyncEnumerable<ShopifyPage<ShopifyPayout>> GetPayoutsAsync(ShopifyPageRequest request, CancellationToken cancellationToken) =>
        Pages(ShopifyPaymentOperations.Payouts, request, 50, d => d.ShopifyPaymentsAccount?.Payouts, cancellationToken);

    public IAsyncEnumerable<ShopifyPage<ShopifyBalanceTransaction>> GetBalanceTransactionsAsync(ShopifyPageRequest request, CancellationToken cancellationToken) =>
        Pages(ShopifyPaymentOperations.BalanceTransactions, request, 100, d => d.ShopifyPaymentsAccount?.BalanceTransactions, cancellationToken);

    public IAsyncEnumerable<ShopifyPage<ShopifyDispute>> GetDisputesAsync(ShopifyPageRequest request, CancellationToken cancellationToken) =>
        Pages(ShopifyPaymentOperations.Disputes, request, 50, d => d.ShopifyPaymentsAccount?.Disputes, cancellationToken);

    public IAsyncEnumerable<ShopifyPage<ShopifyCatalog>> GetCatalogsAsync(ShopifyPageRequest request, CancellationToken cancellationToken) =>
        Pages(ShopifyCatalogOperations.Catalogs, request, 50, d => d.Catalogs, cancellationToken);

    public IAsyncEnumerable<ShopifyPage<ShopifyPriceListPrice>> GetPriceListPricesAsync(string priceListId, ShopifyPageRequest request, CancellationToken cancellationToken)
    {
        Required(priceListId, nameof(priceListId));
        var first = request.ResolvePageSize(100);
        return ShopifyPager.PagesAsync(
            transport,
            Shop,
            ShopifyCatalogOperations.PriceListPrices,
            cursor => new JsonObject { ["priceListId"] = priceListId, ["first"] = first, ["after"] = cursor },
            d => d.PriceList?.Prices,
            request.After,
            cancellationToken);
    }

    public async Task<ShopifyBatchResult> AddPriceListFixedPricesAsync(string priceListId, IReadOnlyList<ShopifyPriceListPriceInput> prices, CancellationToken cancellationToken)
    {
        NotEmpty(prices, nameof(prices));
        var variables = new JsonObject
        {
            ["priceListId"] = Required(priceListId, nameof(priceListId)),
            ["prices"] = JsonSerializer.SerializeToNode(prices, ShopifyJsonContext.Default.IReadOnlyListShopifyPriceListPriceInput),
        };
        var payload = (await ExecuteAsync(ShopifyCatalogOperations.PriceListFixedPricesAdd, variables, cancellationToken).ConfigureAwait(false)).Data.PriceListFixedPricesAdd;
        return ShopifyBatchResult.From(prices.Count, payload?.UserErrors ?? [], "prices");
    }
}
