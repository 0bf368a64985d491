namespace ShopSync.Connector.Sync;

/// <summary>A Shopify customer of a shop and the ERP customer it maps to (null = unmapped, indexed for the cue).</summary>
internal sealed class SyncCustomerEntity
{
    public long Id { get; set; }
    public string ShopCode { get; set; } = "";
    public string ShopifyCustomerId { get; set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? CountryCode { get; set; }
    public string? State { get; set; }
    public DateTimeOffset? ShopifyUpdatedAt { get; set; }
    public string? CustomerNo { get; set; }
    public string? MappingError { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
