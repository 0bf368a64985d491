namespace ShopSync.Storage.Model;

/// <summary>The EF model of a queue entry row. Times are UTC ticks so SQL compares integers; the hot path reads and writes it with raw SQL.</summary>
internal sealed class JobRow
{
    public long EntryNo { get; set; }
    public byte[] Id { get; set; } = [];
    public int ReportId { get; set; }
    public string Description { get; set; } = string.Empty;
    public string ShopCode { get; set; } = string.Empty;
    public string CategoryCode { get; set; } = string.Empty;
    public int Priority { get; set; }
    public int Status { get; set; }
    public long EarliestStart { get; set; }
    public long? Expiration { get; set; }
    public int MaxAttempts { get; set; }
    public int Attempts { get; set; }
    public long RerunDelayMs { get; set; }
    public long TimeoutMs { get; set; }
    public string Filters { get; set; } = "[]";
    public string Options { get; set; } = "[]";
    public string CreatedBy { get; set; } = string.Empty;
    public string? ErrorMessage { get; set; }
    public string? ErrorDetail { get; set; }
    public int? ProgressPercent { get; set; }
    public string? ProgressMessage { get; set; }
    public long Pages { get; set; }
    public long Done { get; set; }
    public long Failed { get; set; }
    public long Skipped { get; set; }
    public string? Checkpoint { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    public long? StartedAt { get; set; }
    public long? EndedAt { get; set; }
    public int LastResult { get; set; }
    public byte[]? ScheduleId { get; set; }
    public long? OccurrenceUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public long? LeaseExpiresAt { get; set; }
    public long FencingToken { get; set; }
    public bool CancelRequested { get; set; }
    public bool HoldRequested { get; set; }
    public int AcceptedStatus { get; set; }
    public bool Foreground { get; set; }
    public long EventSeq { get; set; }
    public string? TraceParent { get; set; }
}
