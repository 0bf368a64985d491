namespace ShopSync.Connector.Sync;

/// <summary>
/// A record a sync skipped or failed on, when the record has no status column of its own (e.g. an ERP item whose
/// export failed). One row per (shop, report, record); removed when the record succeeds. Feeds the Skipped Records cue.
/// </summary>
internal sealed class SyncRecordIssueEntity
{
    public long Id { get; set; }
    public string ShopCode { get; set; } = "";
    public int ReportId { get; set; }
    public string RecordKey { get; set; } = "";
    public SyncRecordIssueKind Kind { get; set; }
    public string Message { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
