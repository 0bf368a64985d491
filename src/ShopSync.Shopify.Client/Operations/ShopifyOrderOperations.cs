namespace ShopSync.Shopify.Client;

/// <summary>Order documents (Sync Orders 30104, Create Sales Orders 30103).</summary>
public static class ShopifyOrderOperations
{
    /// <summary>Fields of a mailing address, shared by every document that reads one.</summary>
    public const string AddressFields = "firstName lastName company address1 address2 city province provinceCode zip country countryCodeV2 phone";

    private const string MoneyBag = "shopMoney { amount currencyCode }";

    /// <summary>The order selection (line items: first 10; more are read with <see cref="OrderLineItems"/>).</summary>
    public const string OrderFields = $$"""
        id legacyResourceId name createdAt updatedAt processedAt cancelledAt cancelReason closed confirmed test
        email phone currencyCode displayFinancialStatus displayFulfillmentStatus fullyPaid tags note sourceName
        risk { recommendation assessments { riskLevel } }
        channelInformation { channelDefinition { handle channelName } }
        app { id name }
        totalPriceSet { {{MoneyBag}} }
        subtotalPriceSet { {{MoneyBag}} }
        totalTaxSet { {{MoneyBag}} }
        totalShippingPriceSet { {{MoneyBag}} }
        totalOutstandingSet { {{MoneyBag}} }
        customer { id email firstName lastName phone }
        shippingAddress { {{AddressFields}} }
        billingAddress { {{AddressFields}} }
        lineItems(first: 10) {
          nodes { {{LineItemFields}} }
          pageInfo { hasNextPage endCursor }
        }
        """;

    private const string LineItemFields = $$"""
        id name sku quantity currentQuantity variant { id } product { id }
        originalUnitPriceSet { {{MoneyBag}} } discountedTotalSet { {{MoneyBag}} }
        """;

    /// <summary>Orders page, sorted by UPDATED_AT; <c>$query</c> carries the incremental filter <c>updated_at:&gt;'…'</c>.</summary>
    public static readonly ShopifyOperation<OrdersData> Orders = new(
        "ShopSyncOrders",
        $$"""
        query ShopSyncOrders($first: Int!, $after: String, $query: String) {
          orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
            nodes { {{OrderFields}} }
            pageInfo { hasNextPage endCursor }
          }
        }
        """,
        ShopifyJsonContext.Default.OrdersData);

    /// <summary>One order by id.</summary>
    public static readonly ShopifyOperation<OrderData> Order = new(
        "ShopSyncOrder",
        $$"""
        query ShopSyncOrder($id: ID!) {
          order(id: $id) { {{OrderFields}} }
        }
        """,
        ShopifyJsonContext.Default.OrderData);

    /// <summary>How many orders match <c>$query</c> (no limit: Shopify's default stops counting at 10,000).</summary>
    public static readonly ShopifyOperation<OrdersCountData> OrdersCount = new(
        "ShopSyncOrdersCount",
        """
        query ShopSyncOrdersCount($query: String) {
          ordersCount(query: $query, limit: null) { count precision }
        }
        """,
        ShopifyJsonContext.Default.OrdersCountData);

    /// <summary>Further line items of one order (orders with more than 10 lines).</summary>
    public static readonly ShopifyOperation<OrderLineItemsData> OrderLineItems = new(
        "ShopSyncOrderLineItems",
        $$"""
        query ShopSyncOrderLineItems($id: ID!, $first: Int!, $after: String) {
          order(id: $id) {
            id
            lineItems(first: $first, after: $after) {
              nodes { {{LineItemFields}} }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """,
        ShopifyJsonContext.Default.OrderLineItemsData);
}

/// <summary><c>data</c> of <see cref="ShopifyOrderOperations.Orders"/>.</summary>
public sealed record OrdersData(ShopifyConnection<ShopifyOrder> Orders);

/// <summary><c>data</c> of <see cref="ShopifyOrderOperations.OrdersCount"/>.</summary>
public sealed record OrdersCountData(ShopifyCount? OrdersCount);

/// <summary>A Shopify <c>Count</c>: <c>precision</c> is EXACT, or AT_LEAST when a limit stopped the count.</summary>
public sealed record ShopifyCount(long Count, string Precision);

/// <summary><c>data</c> of <see cref="ShopifyOrderOperations.Order"/>.</summary>
public sealed record OrderData(ShopifyOrder? Order);

/// <summary><c>data</c> of <see cref="ShopifyOrderOperations.OrderLineItems"/>.</summary>
public sealed record OrderLineItemsData(OrderLineItemsNode? Order);

/// <summary>The order part of <see cref="OrderLineItemsData"/>.</summary>
public sealed record OrderLineItemsNode(string Id, ShopifyConnection<ShopifyLineItem> LineItems);
