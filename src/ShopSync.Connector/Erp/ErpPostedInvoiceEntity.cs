namespace ShopSync.Connector.Erp;

/// <summary>A posted sales invoice; one per source document (unique), so posting twice is impossible.</summary>
internal sealed class ErpPostedInvoiceEntity
{
    public long Id { get; set; }
    public string No { get; set; } = "";
    public string SourceDocumentNo { get; set; } = "";
    public string? ShopCode { get; set; }
    public string? ShopifyOrderId { get; set; }
    public string? ShopifyOrderNo { get; set; }
    public string CustomerNo { get; set; } = "";
    public DateOnly PostingDate { get; set; }
    public string CurrencyCode { get; set; } = "";
    public decimal Amount { get; set; }
    public decimal AmountIncludingTax { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
