namespace ShopSync.Connector.Erp;

/// <summary>
/// A posted sales shipment. Shipments of Shopify orders are sent as fulfillments by Sync Shipments;
/// (<see cref="ShopCode"/>, <see cref="FulfillmentState"/>) is indexed for the Unprocessed Shipments / Shipment Errors cues.
/// </summary>
internal sealed class ErpPostedShipmentEntity
{
    public long Id { get; set; }
    public string No { get; set; } = "";
    public string SalesOrderNo { get; set; } = "";
    public string? ShopCode { get; set; }
    public string? ShopifyOrderId { get; set; }
    public string? ShopifyOrderNo { get; set; }
    public string CustomerNo { get; set; } = "";
    public DateOnly PostingDate { get; set; }
    public string? TrackingNumber { get; set; }
    public string? TrackingCompany { get; set; }
    public string? TrackingUrl { get; set; }
    public ErpFulfillmentState FulfillmentState { get; set; }
    public string? FulfillmentError { get; set; }
    public string? ShopifyFulfillmentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FulfillmentUpdatedAt { get; set; }
    public List<ErpPostedShipmentLineEntity> Lines { get; set; } = [];
}
