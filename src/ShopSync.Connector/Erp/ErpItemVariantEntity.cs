namespace ShopSync.Connector.Erp;

/// <summary>A variant of an ERP item. A null <see cref="UnitPrice"/> sells at the item's price.</summary>
internal sealed class ErpItemVariantEntity
{
    public string ItemNo { get; set; } = "";
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Sku { get; set; }
    public string? Barcode { get; set; }
    public decimal? UnitPrice { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
