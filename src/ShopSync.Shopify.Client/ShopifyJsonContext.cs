using System.Text.Json.Serialization;

namespace ShopSync.Shopify.Client;

/// <summary>Source-generated System.Text.Json metadata for every wire type the client reads or writes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(List<ShopifyGraphQLError>))]
[JsonSerializable(typeof(ShopifyQueryCost))]
[JsonSerializable(typeof(OrdersData))]
[JsonSerializable(typeof(OrderData))]
[JsonSerializable(typeof(OrdersCountData))]
[JsonSerializable(typeof(OrderLineItemsData))]
[JsonSerializable(typeof(CustomersData))]
[JsonSerializable(typeof(CustomerCreateData))]
[JsonSerializable(typeof(CompaniesData))]
[JsonSerializable(typeof(CompanyCreateData))]
[JsonSerializable(typeof(ProductsData))]
[JsonSerializable(typeof(ProductCreateData))]
[JsonSerializable(typeof(ProductUpdateData))]
[JsonSerializable(typeof(ProductVariantsBulkUpdateData))]
[JsonSerializable(typeof(ProductVariantsBulkCreateData))]
[JsonSerializable(typeof(ProductCreateMediaData))]
[JsonSerializable(typeof(LocationsData))]
[JsonSerializable(typeof(InventoryLevelsData))]
[JsonSerializable(typeof(InventorySetQuantitiesData))]
[JsonSerializable(typeof(InventorySetOnHandQuantitiesData))]
[JsonSerializable(typeof(FulfillmentOrdersData))]
[JsonSerializable(typeof(FulfillmentCreateData))]
[JsonSerializable(typeof(PayoutsData))]
[JsonSerializable(typeof(BalanceTransactionsData))]
[JsonSerializable(typeof(DisputesData))]
[JsonSerializable(typeof(CatalogsData))]
[JsonSerializable(typeof(PriceListPricesData))]
[JsonSerializable(typeof(PriceListFixedPricesAddData))]
[JsonSerializable(typeof(ShopData))]
[JsonSerializable(typeof(ShopifyCustomerInput))]
[JsonSerializable(typeof(ShopifyCompanyCreateInput))]
[JsonSerializable(typeof(ShopifyProductInput))]
[JsonSerializable(typeof(IReadOnlyList<ShopifyVariantUpdate>))]
[JsonSerializable(typeof(IReadOnlyList<ShopifyVariantCreateInput>))]
[JsonSerializable(typeof(IReadOnlyList<ShopifyMediaInput>))]
[JsonSerializable(typeof(InventorySetQuantitiesInput))]
[JsonSerializable(typeof(InventorySetOnHandQuantitiesInput))]
[JsonSerializable(typeof(ShopifyFulfillmentInput))]
[JsonSerializable(typeof(IReadOnlyList<ShopifyPriceListPriceInput>))]
public sealed partial class ShopifyJsonContext : JsonSerializerContext;
