namespace ShopSync.Connector.Erp;

/// <summary>Stock of an item (variant "" = the item) at an ERP location.</summary>
internal sealed class ErpStockEntity
{
    public string ItemNo { get; set; } = "";
    public string VariantCode { get; set; } = "";
    public string LocationCode { get; set; } = "";
    public decimal Quantity { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
