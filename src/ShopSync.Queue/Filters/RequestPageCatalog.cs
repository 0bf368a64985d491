namespace ShopSync.Queue.Filters;

/// <summary>
/// The request pages of every report the server runs, by report id (for GetRequestPage and for
/// validating SetRequestPageFilters). Thread-safe for reads once built.
/// </summary>
public sealed class RequestPageCatalog
{
    private readonly Dictionary<int, RequestPageDefinition> _byReport;

    /// <summary>Creates a catalog.</summary>
    /// <exception cref="ArgumentException">Two definitions share a report id.</exception>
    public RequestPageCatalog(IEnumerable<RequestPageDefinition> definitions)
    {
        _byReport = [];
        foreach (var definition in definitions)
        {
            if (!_byReport.TryAdd(definition.ReportId, definition))
            {
                throw new ArgumentException($"report {definition.ReportId} has two request pages", nameof(definitions));
            }
        }
    }

    /// <summary>All definitions ordered by report id.</summary>
    public IReadOnlyList<RequestPageDefinition> All => _byReport.Values.OrderBy(d => d.ReportId).ToArray();

    /// <summary>The definition of a report, if it has one.</summary>
    public bool TryGet(int reportId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RequestPageDefinition? definition)
        => _byReport.TryGetValue(reportId, out definition);
}
