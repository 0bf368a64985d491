namespace ShopSync.Connector.Sync;

/// <summary>How far an incremental sync of a shop has read (e.g. orders by updated_at).</summary>
internal sealed class SyncWatermarkEntity
{
    public string ShopCode { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset Value { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
