namespace ShopSync.Connector.Sync;

/// <summary>A B2B catalog of a shop, its price list, and the ERP customer price group whose prices it receives.</summary>
internal sealed class SyncCatalogEntity
{
    public long Id { get; set; }
    public string ShopCode { get; set; } = "";
    public string ShopifyCatalogId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Status { get; set; } = "";
    public string? PriceListId { get; set; }
    public string? PriceListCurrency { get; set; }
    public string PriceGroup { get; set; } = "";
    public DateTimeOffset? PricesSyncedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
