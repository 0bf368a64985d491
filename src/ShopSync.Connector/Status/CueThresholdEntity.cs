namespace ShopSync.Connector.Status;

/// <summary>Table <c>status_cue_thresholds</c>: a threshold per (shop, cue); shop "" is the default for every shop.</summary>
internal sealed class CueThresholdEntity
{
    public string ShopCode { get; set; } = "";
    public StatusCue Cue { get; set; }
    public long WarningFrom { get; set; }
    public long AlertFrom { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
