namespace ShopSync.Shopify.Client;

/// <summary>A fulfillment order of an order (what can be fulfilled from one location).</summary>
public sealed record ShopifyFulfillmentOrder(
    string Id,
    string Status,
    ShopifyAssignedLocation? AssignedLocation,
    ShopifyConnection<ShopifyFulfillmentOrderLineItem> LineItems);

/// <summary>The location a fulfillment order is assigned to.</summary>
public sealed record ShopifyAssignedLocation(ShopifyLocationRef? Location);

/// <summary>A location by id and name.</summary>
public sealed record ShopifyLocationRef(string Id, string Name);

/// <summary>A fulfillment order line.</summary>
public sealed record ShopifyFulfillmentOrderLineItem(string Id, int TotalQuantity, int RemainingQuantity, ShopifyFulfillmentOrderLine LineItem);

/// <summary>The order line behind a fulfillment order line.</summary>
public sealed record ShopifyFulfillmentOrderLine(string Id, string? Sku);

/// <summary>Input of <c>fulfillmentCreate</c>.</summary>
public sealed record ShopifyFulfillmentInput(
    IReadOnlyList<ShopifyFulfillmentOrderLines> LineItemsByFulfillmentOrder,
    ShopifyTrackingInput? TrackingInfo = null,
    bool NotifyCustomer = false);

/// <summary>Lines of one fulfillment order to fulfil; no lines = all remaining.</summary>
public sealed record ShopifyFulfillmentOrderLines(string FulfillmentOrderId, IReadOnlyList<ShopifyFulfillmentLineInput>? FulfillmentOrderLineItems = null);

/// <summary>A fulfillment order line id and quantity.</summary>
public sealed record ShopifyFulfillmentLineInput(string Id, int Quantity);

/// <summary>Tracking information (<c>FulfillmentTrackingInput</c>).</summary>
public sealed record ShopifyTrackingInput(string? Company, string? Number, string? Url = null);

/// <summary>A fulfillment as returned by <c>fulfillmentCreate</c>.</summary>
public sealed record ShopifyFulfillment(string Id, string Status, DateTimeOffset CreatedAt, IReadOnlyList<ShopifyTrackingInfo> TrackingInfo);

/// <summary>Tracking of a fulfillment.</summary>
public sealed record ShopifyTrackingInfo(string? Company, string? Number, string? Url);
