namespace ShopSync.Connector.Sync;

/// <summary>A Shopify product of a shop and the ERP item it maps to (null = unmapped).</summary>
internal sealed class SyncProductEntity
{
    public long Id { get; set; }
    public string ShopCode { get; set; } = "";
    public string ShopifyProductId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Status { get; set; }
    public DateTimeOffset? ShopifyUpdatedAt { get; set; }
    public string? ItemNo { get; set; }
    public DateTimeOffset? ItemExportedAt { get; set; }
    public string? MappingError { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
