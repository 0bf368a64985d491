namespace ShopSync.Connector.Sync;

/// <summary>A line of an imported order.</summary>
internal sealed class SyncOrderLineEntity
{
    public long OrderId { get; set; }
    public int LineNo { get; set; }
    public string ShopifyLineItemId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Sku { get; set; }
    public string? ShopifyVariantId { get; set; }
    public string? ShopifyProductId { get; set; }
    public int Quantity { get; set; }
    public int CurrentQuantity { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal DiscountedTotal { get; set; }
}
