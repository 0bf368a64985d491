namespace ShopSync.Queue.Events;

/// <summary>Which events a queue-wide watch receives; empty / 0 members match everything.</summary>
/// <param name="ShopCode">Only this shop.</param>
/// <param name="CategoryCode">Only this category.</param>
/// <param name="ReportId">Only this report (0: any).</param>
public sealed record QueueWatchFilter(string? ShopCode = null, string? CategoryCode = null, int ReportId = 0)
{
    /// <summary>Everything.</summary>
    public static QueueWatchFilter All { get; } = new();

    /// <summary>True when the event passes the filter.</summary>
    public bool Matches(QueueEvent e) =>
        (string.IsNullOrEmpty(ShopCode) || string.Equals(ShopCode, e.ShopCode, StringComparison.Ordinal))
        && (string.IsNullOrEmpty(CategoryCode) || string.Equals(CategoryCode, e.CategoryCode, StringComparison.Ordinal))
        && (ReportId == 0 || ReportId == e.ReportId);
}
