namespace ShopSync.Connector.Sync;

/// <summary>A Shopify variant of a shop and the ERP item/variant it maps to.</summary>
internal sealed class SyncVariantEntity
{
    public long Id { get; set; }
    public string ShopCode { get; set; } = "";
    public string ShopifyVariantId { get; set; } = "";
    public string ShopifyProductId { get; set; } = "";
    public string? InventoryItemId { get; set; }
    public string? Sku { get; set; }
    public string? Barcode { get; set; }
    public decimal Price { get; set; }
    public string? ItemNo { get; set; }
    public string VariantCode { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
