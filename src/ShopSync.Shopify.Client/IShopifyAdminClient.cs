using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Client;

/// <summary>
/// The Shopify Admin GraphQL API of one store, as the sync tasks use it. Reads are page streams
/// (<see cref="ShopifyPage{T}.EndCursor"/> is the per-page checkpoint); batch mutations return one outcome
/// per input record. Mutations throw <see cref="ShopifyReadOnlyException"/> when the shop is read-only.
/// </summary>
public interface IShopifyAdminClient
{
    /// <summary>The store this client talks to.</summary>
    ShopifyShopConnection Shop { get; }

    /// <summary>Runs any ShopSync operation (escape hatch for documents not wrapped below).</summary>
    Task<ShopifyGraphQLResponse<TData>> ExecuteAsync<TData>(ShopifyOperation<TData> operation, JsonObject? variables, CancellationToken cancellationToken);

    /// <summary>The shop itself (a cheap connection test).</summary>
    Task<ShopifyShopInfo> GetShopAsync(CancellationToken cancellationToken);

    /// <summary>Orders sorted by updatedAt; default 10 per page. Use <see cref="ShopifyPageRequest.UpdatedAfter"/> as Query for incremental sync.</summary>
    IAsyncEnumerable<ShopifyPage<ShopifyOrder>> GetOrdersAsync(ShopifyPageRequest request, CancellationToken cancellationToken);

    /// <summary>How many orders match the search <paramref name="query"/> (the query of <see cref="GetOrdersAsync"/>).</summary>
    Task<ShopifyCount> CountOrdersAsync(string? query, CancellationToken cancellationToken);

    /// <summary>One order, or null.</summary>
    Task<ShopifyOrder?> GetOrderAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>Line items of one order after <paramref name="after"/> (for orders with more than 10 lines).</summary>
    IAsyncEnumerable<ShopifyPage<ShopifyLineItem>> GetOrderLineItemsAsync(string orderId, string? after, CancellationToken cancellationToken);

    /// <summary>Customers sorted by updatedAt; default 50 per page.</summary>
    IAsyncEnumerable<ShopifyPage<ShopifyCustomer>> GetCustomersAsync(ShopifyPageRequest request, CancellationToken cancellationToken);

    /// <summary>Creates a customer; userErrors (e.g. e-mail taken) come back in the result.</summary>
    Task<ShopifyMutationResult<ShopifyCreatedCustomer>> CreateCustomerAsync(ShopifyCustomerInput input, CancellationToken cancellationToken);

    /// <summary>B2B companies sorted by updatedAt; default 25 per page.</summary>
    IAsyncEnumerable<ShopifyPage<ShopifyCompany>> GetCompaniesAsync(ShopifyPageRequest request, CancellationToken cancellationToken);

    /// <summary>Creates a B2B company (with contact and location when given); userErrors (e.g. external id taken) come back in the result.</summary>
    Task<ShopifyMutationResult<ShopifyCompany>> CreateCompanyAsync(ShopifyCompanyCreateInput input, CancellationToken cancellationToken);

    /// <summary>Products with variants and images, sorted by updatedAt; default 10 per page.</summary>
    IAsyncEnumerable<ShopifyPage<ShopifyProduct>> GetProductsAsync(ShopifyPageRequest request, CancellationToken cancellationToken);

    /// <summary>Creates a product.</summary>
    Task<ShopifyMutationResult<ShopifySavedProduct>> CreateProductAsync(ShopifyProductInput input, CancellationToken cancellationToken);

    /// <summary>Updates a product (<see cref="ShopifyProductInput.Id"/> required).</summary>
    Task<ShopifyMutationResult<ShopifySavedProduct>> UpdateProductAsync(ShopifyProductInput input, CancellationToken cancellationToken);

    /// <summary>Updates variants of one product (prices, barcode, SKU); one outcome per variant.</summary>
    Task<ShopifyBatchResult> UpdateVariantsAsync(string productId, IReadOnlyList<ShopifyVariantUpdate> variants, CancellationToken cancellationToken);

    /// <summary>
    /// Creates variants of one product (productVariantsBulkCreate); one outcome per variant, all-or-nothing. A variant whose
    /// option values repeat an existing variant's is refused with a userError naming it.
    /// </summary>
    Task<ShopifyVariantsCreateResult> CreateVariantsAsync(
        string productId, IReadOnlyList<ShopifyVariantCreateInput> variants, ShopifyVariantsCreateStrategy strategy, CancellationToken cancellationToken);

    /// <summary>Adds images to a product; one outcome per image.</summary>
    Task<ShopifyBatchResult> AddProductImagesAsync(string productId, IReadOnlyList<ShopifyMediaInput> images, CancellationToken cancellationToken);

    /// <summary>The store's locations.</summary>
    Task<IReadOnlyList<ShopifyLocation>> GetLocationsAsync(CancellationToken cancellationToken);

    /// <summary>Inventory levels of one location; default 100 per page.</summary>
    IAsyncEnumerable<ShopifyPage<ShopifyInventoryLevel>> GetInventoryLevelsAsync(string locationId, ShopifyPageRequest request, CancellationToken cancellationToken);

    /// <summary>Sets absolute quantities of <paramref name="quantityName"/> (<c>available</c> or <c>on_hand</c>); one outcome per quantity.</summary>
    Task<ShopifyBatchResult> SetInventoryQuantitiesAsync(string quantityName, string reason, IReadOnlyList<ShopifyInventoryQuantityInput> quantities, CancellationToken cancellationToken);

    /// <summary>Sets on-hand quantities; one outcome per quantity.</summary>
    Task<ShopifyBatchResult> SetOnHandQuantitiesAsync(string reason, IReadOnlyList<ShopifyInventoryQuantityInput> quantities, CancellationToken cancellationToken);

    /// <summary>The fulfillment orders of one order (empty when the order is unknown).</summary>
    Task<IReadOnlyList<ShopifyFulfillmentOrder>> GetFulfillmentOrdersAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>Creates a fulfillment with tracking.</summary>
    Task<ShopifyMutationResult<ShopifyFulfillment>> CreateFulfillmentAsync(ShopifyFulfillmentInput input, string? message, CancellationToken cancellationToken);

    /// <summary>Shopify Payments payouts; default 50 per page (empty when Shopify Payments is off).</summary>
    IAsyncEnumerable<ShopifyPage<ShopifyPayout>> GetPayoutsAsync(ShopifyPageRequest request, CancellationToken cancellationToken);

    /// <summary>Shopify Payments balance transactions; default 100 per page.</summary>
    IAsyncEnumerable<ShopifyPage<ShopifyBalanceTransaction>> GetBalanceTransactionsAsync(ShopifyPageRequest request, CancellationToken cancellationToken);

    /// <summary>Disputes (chargebacks and inquiries); default 50 per page.</summary>
    IAsyncEnumerable<ShopifyPage<ShopifyDispute>> GetDisputesAsync(ShopifyPageRequest request, CancellationToken cancellationToken);

    /// <summary>B2B catalogs with their price lists; default 50 per page.</summary>
    IAsyncEnumerable<ShopifyPage<ShopifyCatalog>> GetCatalogsAsync(ShopifyPageRequest request, CancellationToken cancellationToken);

    /// <summary>Prices of one price list; default 100 per page.</summary>
    IAsyncEnumerable<ShopifyPage<ShopifyPriceListPrice>> GetPriceListPricesAsync(string priceListId, ShopifyPageRequest request, CancellationToken cancellationToken);

    /// <summary>Adds or replaces fixed prices; one outcome per price.</summary>
    Task<ShopifyBatchResult> AddPriceListFixedPricesAsync(string priceListId, IReadOnlyList<ShopifyPriceListPriceInput> prices, CancellationToken cancellationToken);
}
