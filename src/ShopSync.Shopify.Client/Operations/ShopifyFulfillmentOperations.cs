namespace ShopSync.Shopify.Client;

/// <summary>Fulfillment documents (Sync Shipments 30109).</summary>
public static class ShopifyFulfillmentOperations
{
    /// <summary>The fulfillment orders of one order with their remaining quantities.</summary>
    public static readonly ShopifyOperation<FulfillmentOrdersData> FulfillmentOrders = new(
        "ShopSyncFulfillmentOrders",
        """
        query ShopSyncFulfillmentOrders($orderId: ID!) {
          order(id: $orderId) {
            id
            fulfillmentOrders(first: 5) {
              nodes {
                id status
                assignedLocation { location { id name } }
                lineItems(first: 50) {
                  nodes { id totalQuantity remainingQuantity lineItem { id sku } }
                  pageInfo { hasNextPage endCursor }
                }
              }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """,
        ShopifyJsonContext.Default.FulfillmentOrdersData);

    /// <summary>Creates a fulfillment with tracking for lines of fulfillment orders.</summary>
    public static readonly ShopifyOperation<FulfillmentCreateData> FulfillmentCreate = new(
        "ShopSyncFulfillmentCreate",
        """
        mutation ShopSyncFulfillmentCreate($fulfillment: FulfillmentInput!, $message: String) {
          fulfillmentCreate(fulfillment: $fulfillment, message: $message) {
            fulfillment { id status createdAt trackingInfo { company number url } }
            userErrors { field message }
          }
        }
        """,
        ShopifyJsonContext.Default.FulfillmentCreateData);
}

/// <summary><c>data</c> of <see cref="ShopifyFulfillmentOperations.FulfillmentOrders"/>.</summary>
public sealed record FulfillmentOrdersData(FulfillmentOrdersOrder? Order);

/// <summary>The order part of <see cref="FulfillmentOrdersData"/>.</summary>
public sealed record FulfillmentOrdersOrder(string Id, ShopifyConnection<ShopifyFulfillmentOrder> FulfillmentOrders);

/// <summary><c>data</c> of <see cref="ShopifyFulfillmentOperations.FulfillmentCreate"/>.</summary>
public sealed record FulfillmentCreateData(FulfillmentCreatePayload? FulfillmentCreate);

/// <summary>fulfillmentCreate payload.</summary>
public sealed record FulfillmentCreatePayload(ShopifyFulfillment? Fulfillment, IReadOnlyList<ShopifyUserError> UserErrors);
