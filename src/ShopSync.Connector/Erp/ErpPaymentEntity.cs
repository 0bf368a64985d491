namespace ShopSync.Connector.Erp;

/// <summary>A payment transaction from Shopify Payments (charge, refund, dispute...), unique per shop and transaction id.</summary>
internal sealed class ErpPaymentEntity
{
    public long Id { get; set; }
    public string ShopCode { get; set; } = "";
    public string ShopifyTransactionId { get; set; } = "";
    public string TransactionType { get; set; } = "";
    public bool Test { get; set; }
    public DateTimeOffset TransactionDate { get; set; }
    public decimal Amount { get; set; }
    public decimal Fee { get; set; }
    public decimal Net { get; set; }
    public string CurrencyCode { get; set; } = "";
    public string? ShopifyOrderId { get; set; }
    public string? ShopifyOrderNo { get; set; }
    public string? SalesDocumentNo { get; set; }
    public string? ShopifyPayoutId { get; set; }
    public string? PayoutStatus { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}
