namespace ShopSync.Connector.Erp;

/// <summary>A picture of an item, by URL (the ERP keeps the link, not the bytes).</summary>
internal sealed class ErpItemPictureEntity
{
    public long Id { get; set; }
    public string ItemNo { get; set; } = "";
    public string Url { get; set; } = "";
    public string? AltText { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
