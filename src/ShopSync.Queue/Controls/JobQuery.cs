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

    /// <summary>
    /// Case-insensitive search (at most <see cref="RequestLimits.SearchText"/> characters): the entry's id or entry
    /// number when the text is one, else a substring of its description, created_by, error message or filters.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>Only entries of these shops (compared case-insensitively); null: any shop. The caller's shop scope.</summary>
    public IReadOnlyCollection<string>? Shops { get; init; }

    /// <summary>1..1000; 0: 100.</summary>
    public int PageSize { get; init; }

    /// <summary>The <see cref="JobPage.NextPageToken"/> of the previous page, or null.</summary>
    public string? PageToken { get; init; }
}
