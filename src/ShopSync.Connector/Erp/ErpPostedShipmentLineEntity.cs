namespace ShopSync.Connector.Erp;

/// <summary>A line of a posted shipment.</summary>
internal sealed class ErpPostedShipmentLineEntity
{
    public long ShipmentId { get; set; }
    public int LineNo { get; set; }
    public ErpSalesLineType LineType { get; set; }
    public string? ItemNo { get; set; }
    public string VariantCode { get; set; } = "";
    public string Description { get; set; } = "";
    public decimal Quantity { get; set; }
    public string? ShopifyLineItemId { get; set; }
}
