namespace ShopSync.Shopify.Sandbox;

/// <summary>A fulfillment the store received through <c>fulfillmentCreate</c>.</summary>
/// <param name="Id">Fulfillment id.</param>
/// <param name="OrderId">Order id.</param>
/// <param name="TrackingCompany">Tracking company.</param>
/// <param name="TrackingNumber">Tracking number.</param>
/// <param name="TrackingUrl">Tracking URL.</param>
/// <param name="Lines">Fulfillment order line ids and quantities.</param>
public sealed record SandboxFulfillmentRecord(
    string Id,
    string OrderId,
    string? TrackingCompany,
    string? TrackingNumber,
    string? TrackingUrl,
    IReadOnlyList<KeyValuePair<string, int>> Lines);
