using ShopSync.Queue.Entries;

namespace ShopSync.Queue.Controls;

/// <summary>Filters and keyset paging for listing entries (ordered by entry number).</summary>
public sealed record JobQuery
{
    /// <summary>Only these statuses (empty: all).</summary>
    public IReadOnlyList<JobStatus> Statuses { get; init; } = [];

    /// <summary>Only this category.</summary>
    public string? CategoryCode { get; init; }

    /// <summary>Only this shop.</summary>
    public string? ShopCode { get; init; }

    /// <summary>Only this report (0: any).</summary>
    public int ReportId { get; init; }

    /// <summary>1..1000; 0: 100.</summary>
    public int PageSize { get; init; }

    /// <summary>The <see cref="JobPage.NextPageToken"/> of the previous page, or null.</summary>
    public string? PageToken { get; init; }
}
