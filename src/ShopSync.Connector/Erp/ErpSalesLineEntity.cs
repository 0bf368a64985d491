namespace ShopSync.Connector.Erp;

/// <summary>A line of a sales document.</summary>
internal sealed class ErpSalesLineEntity
{
    public long DocumentId { get; set; }
    public int LineNo { get; set; }
    public ErpSalesLineType LineType { get; set; }
    public string? ItemNo { get; set; }
    public string VariantCode { get; set; } = "";
    public string Description { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal QuantityShipped { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal LineAmount { get; set; }
    public string? ShopifyLineItemId { get; set; }
}
