namespace ShopSync.Storage.Model;

/// <summary>
/// The EF model of a persisted job event. Sequence 1 (accepted) is never stored: it is derived from the entry row,
/// which saves one insert per enqueue.
/// </summary>
internal sealed class JobEventRow
{
    public byte[] JobId { get; set; } = [];
    public long Seq { get; set; }
    public long Time { get; set; }
    public int Kind { get; set; }
    public string Data { get; set; } = "{}";
}
