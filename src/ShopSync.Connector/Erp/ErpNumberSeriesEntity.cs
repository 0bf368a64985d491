namespace ShopSync.Connector.Erp;

/// <summary>The last number handed out of a series (SO, SI, SHP, PSI, C, I).</summary>
internal sealed class ErpNumberSeriesEntity
{
    public string Code { get; set; } = "";
    public long LastNo { get; set; }
}
