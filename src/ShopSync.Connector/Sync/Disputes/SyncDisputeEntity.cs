namespace ShopSync.Connector.Sync;

/// <summary>A Shopify Payments dispute (chargeback or inquiry) of a shop.</summary>
internal sealed class SyncDisputeEntity
{
    public long Id { get; set; }
    public string ShopCode { get; set; } = "";
    public string ShopifyDisputeId { get; set; } = "";
    public string Status { get; set; } = "";
    public string Type { get; set; } = "";
    public decimal Amount { get; set; }
    public string CurrencyCode { get; set; } = "";
    public string? Reason { get; set; }
    public DateTimeOffset InitiatedAt { get; set; }
    public DateTimeOffset? EvidenceDueBy { get; set; }
    public DateTimeOffset? FinalizedOn { get; set; }
    public string? ShopifyOrderId { get; set; }
    public string? ShopifyOrderNo { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
