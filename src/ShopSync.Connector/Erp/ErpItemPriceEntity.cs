namespace ShopSync.Connector.Erp;

/// <summary>A price of an item (variant "" = the item) for a customer price group (B2B catalogs).</summary>
internal sealed class ErpItemPriceEntity
{
    public string PriceGroup { get; set; } = "";
    public string ItemNo { get; set; } = "";
    public string VariantCode { get; set; } = "";
    public decimal UnitPrice { get; set; }
    public string? CurrencyCode { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
