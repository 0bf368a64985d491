using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShopSync.Shopify.Client;

/// <summary>The store-bound client; every call goes through the shared transport (budget, retries, records).</summary>
internal sealed partial class ShopifyAdminClient(ShopifyShopConnection shop, ShopifyGraphQLTransport transport) : IShopifyAdminClient
{
    public ShopifyShopConnection Shop { get; } = shop;

    public Task<ShopifyGraphQLResponse<TData>> ExecuteAsync<TData>(ShopifyOperation<TData> operation, JsonObject? variables, CancellationToken cancellationToken) =>
        transport.ExecuteAsync(Shop, operation, variables, cancellationToken);

    public async Task<ShopifyShopInfo> GetShopAsync(CancellationToken cancellationToken) =>
        (await ExecuteAsync(ShopifyCatalogOperations.Shop, null, cancellationToken).ConfigureAwait(false)).Data.Shop;

    public IAsyncEnumerable<ShopifyPage<ShopifyOrder>> GetOrdersAsync(ShopifyPageRequest request, CancellationToken cancellationToken) =>
        Pages(ShopifyOrderOperations.Orders, request, 10, d => d.Orders, cancellationToken);

    public async Task<ShopifyCount> CountOrdersAsync(string? query, CancellationToken cancellationToken)
    {
        var response = await ExecuteAsync(ShopifyOrderOperations.OrdersCount, new JsonObject { ["query"] = query }, cancellationToken).ConfigureAwait(false);
        return response.Data.OrdersCount ?? new ShopifyCount(0, "EXACT");
    }

    public async Task<ShopifyOrder?> GetOrderAsync(string orderId, CancellationToken cancellationToken)
    {
        var response = await ExecuteAsync(ShopifyOrderOperations.Order, new JsonObject { ["id"] = Required(orderId, nameof(orderId)) }, cancellationToken).ConfigureAwait(false);
        return response.Data.Order;
    }

    public IAsyncEnumerable<ShopifyPage<ShopifyLineItem>> GetOrderLineItemsAsync(string orderId, string? after, CancellationToken cancellationToken)
    {
        Required(orderId, nameof(orderId));
        return ShopifyPager.PagesAsync(
            transport,
            Shop,
            ShopifyOrderOperations.OrderLineItems,
            cursor => new JsonObject { ["id"] = orderId, ["first"] = 100, ["after"] = cursor },
            d => d.Order?.LineItems,
            after,
            cancellationToken);
    }

    public IAsyncEnumerable<ShopifyPage<ShopifyCustomer>> GetCustomersAsync(ShopifyPageRequest request, CancellationToken cancellationToken) =>
        Pages(ShopifyCustomerOperations.Customers, request, 50, d => d.Customers, cancellationToken);

    public async Task<ShopifyMutationResult<ShopifyCreatedCustomer>> CreateCustomerAsync(ShopifyCustomerInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var variables = new JsonObject { ["input"] = JsonSerializer.SerializeToNode(input, ShopifyJsonContext.Default.ShopifyCustomerInput) };
        var payload = (await ExecuteAsync(ShopifyCustomerOperations.CustomerCreate, variables, cancellationToken).ConfigureAwait(false)).Data.CustomerCreate;
        return new ShopifyMutationResult<ShopifyCreatedCustomer>(payload?.Customer, payload?.UserErrors ?? []);
    }

    public IAsyncEnumerable<ShopifyPage<ShopifyCompany>> GetCompaniesAsync(ShopifyPageRequest request, CancellationToken cancellationToken) =>
        Pages(ShopifyCustomerOperations.Companies, request, 25, d => d.Companies, cancellationToken);

    public async Task<ShopifyMutationResult<ShopifyCompany>> CreateCompanyAsync(ShopifyCompanyCreateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Company, "ShopifyCompanyCreateInput.Company");
        var variables = new JsonObject { ["input"] = JsonSerializer.SerializeToNode(input, ShopifyJsonContext.Default.ShopifyCompanyCreateInput) };
        var payload = (await ExecuteAsync(ShopifyCustomerOperations.CompanyCreate, variables, cancellationToken).ConfigureAwait(false)).Data.CompanyCreate;
        return new ShopifyMutationResult<ShopifyCompany>(payload?.Company, payload?.UserErrors ?? []);
    }

    public IAsyncEnumerable<ShopifyPage<ShopifyProduct>> GetProductsAsync(ShopifyPageRequest request, CancellationToken cancellationToken) =>
        Pages(ShopifyProductOperations.Products, request, 10, d => d.Products, cancellationToken);

    public async Task<ShopifyMutationResult<ShopifySavedProduct>> CreateProductAsync(ShopifyProductInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Id is not null)
        {
            throw new ArgumentException("ShopifyProductInput.Id must be null when creating a product.", nameof(input));
        }

        var variables = new JsonObject { ["product"] = JsonSerializer.SerializeToNode(input, ShopifyJsonContext.Default.ShopifyProductInput) };
        var payload = (await ExecuteAsync(ShopifyProductOperations.ProductCreate, variables, cancellationToken).ConfigureAwait(false)).Data.ProductCreate;
        return new ShopifyMutationResult<ShopifySavedProduct>(payload?.Product, payload?.UserErrors ?? []);
    }

    public async Task<ShopifyMutationResult<ShopifySavedProduct>> UpdateProductAsync(ShopifyProductInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        Required(input.Id, "ShopifyProductInput.Id");
        if (input.ProductOptions is not null)
        {
            throw new ArgumentException("ShopifyProductInput.ProductOptions is only accepted by productCreate.", nameof(input));
        }

        var variables = new JsonObject { ["product"] = JsonSerializer.SerializeToNode(input, ShopifyJsonContext.Default.ShopifyProductInput) };
        var payload = (await ExecuteAsync(ShopifyProductOperations.ProductUpdate, variables, cancellationToken).ConfigureAwait(false)).Data.ProductUpdate;
        return new ShopifyMutationResult<ShopifySavedProduct>(payload?.Product, payload?.UserErrors ?? []);
    }

    public async Task<ShopifyBatchResult> UpdateVariantsAsync(string productId, IReadOnlyList<ShopifyVariantUpdate> variants, CancellationToken cancellationToken)
    {
        NotEmpty(variants, nameof(variants));
        var variables = new JsonObject
        {
            ["productId"] = Required(productId, nameof(productId)),
            ["variants"] = JsonSerializer.SerializeToNode(variants, ShopifyJsonContext.Default.IReadOnlyListShopifyVariantUpdate),
        };
        var payload = (await ExecuteAsync(ShopifyProductOperations.ProductVariantsBulkUpdate, variables, cancellationToken).ConfigureAwait(false)).Data.ProductVariantsBulkUpdate;
        return ShopifyBatchResult.From(variants.Count, payload?.UserErrors ?? [], "variants");
    }

    public async Task<ShopifyVariantsCreateResult> CreateVariantsAsync(
        string productId, IReadOnlyList<ShopifyVariantCreateInput> variants, ShopifyVariantsCreateStrategy strategy, CancellationToken cancellationToken)
    {
        NotEmpty(variants, nameof(variants));
        for (var i = 0; i < variants.Count; i++)
        {
            NotEmpty(variants[i].OptionValues, $"variants[{i}].OptionValues");
        }

        var variables = new JsonObject
        {
            ["productId"] = Required(productId, nameof(productId)),
            ["variants"] = JsonSerializer.SerializeToNode(variants, ShopifyJsonContext.Default.IReadOnlyListShopifyVariantCreateInput),
            ["strategy"] = strategy == ShopifyVariantsCreateStrategy.RemoveStandaloneVariant ? "REMOVE_STANDALONE_VARIANT" : "DEFAULT",
        };
        var payload = (await ExecuteAsync(ShopifyProductOperations.ProductVariantsBulkCreate, variables, cancellationToken).ConfigureAwait(false)).Data.ProductVariantsBulkCreate;
        var outcome = ShopifyBatchResult.From(variants.Count, payload?.UserErrors ?? [], "variants");
        var all = payload?.Product?.Variants;
        return new ShopifyVariantsCreateResult(outcome, payload?.ProductVariants ?? [], all is null || all.PageInfo.HasNextPage ? null : all.Nodes.Select(v => v.Id).ToList());
    }

    public async Task<ShopifyBatchResult> AddProductImagesAsync(string productId, IReadOnlyList<ShopifyMediaInput> images, CancellationToken cancellationToken)
    {
        NotEmpty(images, nameof(images));
        var variables = new JsonObject
        {
            ["productId"] = Required(productId, nameof(productId)),
            ["media"] = JsonSerializer.SerializeToNode(images, ShopifyJsonContext.Default.IReadOnlyListShopifyMediaInput),
        };
        var payload = (await ExecuteAsync(ShopifyProductOperations.ProductCreateMedia, variables, cancellationToken).ConfigureAwait(false)).Data.ProductCreateMedia;
        return ShopifyBatchResult.From(images.Count, payload?.MediaUserErrors ?? [], "media", allOrNothing: false);
    }

    private IAsyncEnumerable<ShopifyPage<TNode>> Pages<TData, TNode>(
        ShopifyOperation<TData> operation,
        ShopifyPageRequest request,
        int defaultPageSize,
        Func<TData, ShopifyConnection<TNode>?> select,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var first = request.ResolvePageSize(defaultPageSize);
        return ShopifyPager.PagesAsync(
            transport,
            Shop,
            operation,
            cursor => new JsonObject { ["first"] = first, ["after"] = cursor, ["query"] = request.Query },
            select,
            request.After,
            cancellationToken);
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be empty.", name) : value;

    private static void NotEmpty<T>(IReadOnlyList<T>? list, string name)
    {
        if (list is null || list.Count == 0)
        {
            throw new ArgumentException($"{name} must contain at least one record.", name);
        }
    }
}
