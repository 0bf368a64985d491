namespace ShopSync.Connector.Sync;

/// <summary>A Shopify Payments payout of a shop.</summary>
internal sealed class SyncPayoutEntity
{
    public long Id { get; set; }
    public string ShopCode { get; set; } = "";
    public string ShopifyPayoutId { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public string Status { get; set; } = "";
    public decimal Net { get; set; }
    public string CurrencyCode { get; set; } = "";
    public decimal? ChargesGross { get; set; }
    public decimal? ChargesFee { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
