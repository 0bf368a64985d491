namespace ShopSync.Shopify.Client;

/// <summary>B2B catalog and price-list documents (Sync Catalogs 30115, Sync Catalog Prices 30116) and the shop probe.</summary>
public static class ShopifyCatalogOperations
{
    /// <summary>Company-location catalogs page with their price lists.</summary>
    public static readonly ShopifyOperation<CatalogsData> Catalogs = new(
        "ShopSyncCatalogs",
        """
        query ShopSyncCatalogs($first: Int!, $after: String) {
          catalogs(first: $first, after: $after, type: COMPANY_LOCATION) {
            nodes { id title status priceList { id name currency } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """,
        ShopifyJsonContext.Default.CatalogsData);

    /// <summary>Prices of one price list, page by page.</summary>
    public static readonly ShopifyOperation<PriceListPricesData> PriceListPrices = new(
        "ShopSyncPriceListPrices",
        """
        query ShopSyncPriceListPrices($priceListId: ID!, $first: Int!, $after: String) {
          priceList(id: $priceListId) {
            id
            prices(first: $first, after: $after) {
              nodes { variant { id } price { amount currencyCode } compareAtPrice { amount currencyCode } originType }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """,
        ShopifyJsonContext.Default.PriceListPricesData);

    /// <summary>Adds or replaces fixed prices of a price list.</summary>
    public static readonly ShopifyOperation<PriceListFixedPricesAddData> PriceListFixedPricesAdd = new(
        "ShopSyncPriceListFixedPricesAdd",
        """
        mutation ShopSyncPriceListFixedPricesAdd($priceListId: ID!, $prices: [PriceListPriceInput!]!) {
          priceListFixedPricesAdd(priceListId: $priceListId, prices: $prices) {
            prices { variant { id } price { amount currencyCode } }
            userErrors { field code message }
          }
        }
        """,
        ShopifyJsonContext.Default.PriceListFixedPricesAddData);

    /// <summary>The shop itself: a cheap probe used to test a connection.</summary>
    public static readonly ShopifyOperation<ShopData> Shop = new(
        "ShopSyncShop",
        """
        query ShopSyncShop {
          shop { id name email currencyCode myshopifyDomain }
        }
        """,
        ShopifyJsonContext.Default.ShopData);
}

/// <summary><c>data</c> of <see cref="ShopifyCatalogOperations.Catalogs"/>.</summary>
public sealed record CatalogsData(ShopifyConnection<ShopifyCatalog> Catalogs);

/// <summary><c>data</c> of <see cref="ShopifyCatalogOperations.PriceListPrices"/>.</summary>
public sealed record PriceListPricesData(PriceListPricesList? PriceList);

/// <summary>Price list part of <see cref="PriceListPricesData"/>.</summary>
public sealed record PriceListPricesList(string Id, ShopifyConnection<ShopifyPriceListPrice> Prices);

/// <summary><c>data</c> of <see cref="ShopifyCatalogOperations.PriceListFixedPricesAdd"/>.</summary>
public sealed record PriceListFixedPricesAddData(PriceListFixedPricesAddPayload? PriceListFixedPricesAdd);

/// <summary>priceListFixedPricesAdd payload.</summary>
public sealed record PriceListFixedPricesAddPayload(IReadOnlyList<ShopifyAddedPrice>? Prices, IReadOnlyList<ShopifyUserError> UserErrors);

/// <summary><c>data</c> of <see cref="ShopifyCatalogOperations.Shop"/>.</summary>
public sealed record ShopData(ShopifyShopInfo Shop);

/// <summary>The shop.</summary>
public sealed record ShopifyShopInfo(string Id, string Name, string? Email, string CurrencyCode, string MyshopifyDomain);
