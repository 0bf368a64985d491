namespace ShopSync.Connector.Erp;

/// <summary>A sales order or invoice. Documents from Shopify carry the shop and the Shopify Order No.; one per Shopify order (unique index).</summary>
internal sealed class ErpSalesDocumentEntity
{
    public long Id { get; set; }
    public ErpSalesDocumentType DocumentType { get; set; }
    public string No { get; set; } = "";
    public string? ShopCode { get; set; }
    public string? ShopifyOrderId { get; set; }
    public string? ShopifyOrderNo { get; set; }
    public string CustomerNo { get; set; } = "";
    public string? ShipToName { get; set; }
    public string? ShipToAddress { get; set; }
    public string? ShipToCity { get; set; }
    public string? ShipToPostCode { get; set; }
    public string? ShipToCountryCode { get; set; }
    public DateOnly OrderDate { get; set; }
    public string CurrencyCode { get; set; } = "";
    public decimal Amount { get; set; }
    public decimal AmountIncludingTax { get; set; }
    public ErpSalesDocumentStatus Status { get; set; }
    public DateOnly? PostingDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ErpSalesLineEntity> Lines { get; set; } = [];
}
