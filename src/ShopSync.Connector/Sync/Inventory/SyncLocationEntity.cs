namespace ShopSync.Connector.Sync;

/// <summary>A Shopify location of a shop and the ERP location code whose stock it receives.</summary>
internal sealed class SyncLocationEntity
{
    public string ShopCode { get; set; } = "";
    public string ShopifyLocationId { get; set; } = "";
    public string Name { get; set; } = "";
    public string LocationCode { get; set; } = "";
    public bool Active { get; set; }
}
