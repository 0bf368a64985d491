namespace ShopSync.Connector.Erp;

/// <summary>An ERP customer. <see cref="NormalizedEmail"/> and <see cref="NormalizedPhone"/> make mapping by e-mail/phone an index seek.</summary>
internal sealed class ErpCustomerEntity
{
    public string No { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? NormalizedEmail { get; set; }
    public string? Phone { get; set; }
    public string? NormalizedPhone { get; set; }
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? PostCode { get; set; }
    public string? CountryCode { get; set; }
    public string? PriceGroup { get; set; }
    public bool Blocked { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
