namespace ShopSync.Connector.RequestPages;

/// <summary>The default filters and options of one task for one shop, as validated JSON.</summary>
internal sealed class RequestPageDefaultsEntity
{
    public string ShopCode { get; set; } = "";
    public int ReportId { get; set; }
    public string FiltersJson { get; set; } = "[]";
    public string OptionsJson { get; set; } = "[]";
    public long UpdatedAtTicks { get; set; }
}
