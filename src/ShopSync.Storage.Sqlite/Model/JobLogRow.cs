namespace ShopSync.Storage.Model;

/// <summary>The EF model of one run's log entry.</summary>
internal sealed class JobLogRow
{
    public long Id { get; set; }
    public byte[] JobId { get; set; } = [];
    public long EntryNo { get; set; }
    public int ReportId { get; set; }
    public string Description { get; set; } = string.Empty;
    public string ShopCode { get; set; } = string.Empty;
    public string CategoryCode { get; set; } = string.Empty;
    public int Attempt { get; set; }
    public long StartTime { get; set; }
    public long? EndTime { get; set; }
    public int Result { get; set; }
    public string? ErrorMessage { get; set; }
    public string? ErrorDetail { get; set; }
    public long Pages { get; set; }
    public long Done { get; set; }
    public long Failed { get; set; }
    public long Skipped { get; set; }
    public string Filters { get; set; } = "[]";
    public string Options { get; set; } = "[]";
    public string Node { get; set; } = string.Empty;
}
