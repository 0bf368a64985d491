namespace ShopSync.Connector.Erp;

/// <summary>An ERP item; sellable variants are <see cref="ErpItemVariantEntity"/> rows (an item without variants sells itself).</summary>
internal sealed class ErpItemEntity
{
    public string No { get; set; } = "";
    public string Description { get; set; } = "";
    public string? Sku { get; set; }
    public string? Barcode { get; set; }
    public decimal UnitPrice { get; set; }
    public string? Vendor { get; set; }
    public string? ItemCategory { get; set; }
    public bool Blocked { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
