namespace ShopSync.Connector.Sync;

/// <summary>A Shopify B2B company of a shop and the ERP customer it maps to (null = unmapped).</summary>
internal sealed class SyncCompanyEntity
{
    public long Id { get; set; }
    public string ShopCode { get; set; } = "";
    public string ShopifyCompanyId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ExternalId { get; set; }
    public string? MainContactEmail { get; set; }
    public string? MainContactCustomerId { get; set; }
    public int LocationCount { get; set; }
    public DateTimeOffset? ShopifyUpdatedAt { get; set; }
    public string? CustomerNo { get; set; }
    public string? MappingError { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
