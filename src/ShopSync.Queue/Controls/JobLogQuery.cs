namespace ShopSync.Queue.Controls;

/// <summary>Filters and keyset paging for the run log (newest first).</summary>
public sealed record JobLogQuery
{
    /// <summary>Only runs of this entry.</summary>
    public Guid? JobId { get; init; }

    /// <summary>Only this shop.</summary>
    public string? ShopCode { get; init; }

    /// <summary>Only this report (0: any).</summary>
    public int ReportId { get; init; }

    /// <summary>Only failed runs (failed, timed out).</summary>
    public bool ErrorsOnly { get; init; }

    /// <summary>1..1000; 0: 100.</summary>
    public int PageSize { get; init; }

    /// <summary>The previous page's token, or null.</summary>
    public string? PageToken { get; init; }
}
