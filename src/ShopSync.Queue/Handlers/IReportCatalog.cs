namespace ShopSync.Queue.Handlers;

/// <summary>The report handlers this server runs.</summary>
public interface IReportCatalog
{
    /// <summary>All definitions, ordered by report id.</summary>
    IReadOnlyList<ReportDefinition> Reports { get; }

    /// <summary>The handler for a report id, or null.</summary>
    IReportHandler? Find(int reportId);

    /// <summary>A report by id or alias (case-insensitive), or null.</summary>
    ReportDefinition? Resolve(string idOrAlias);
}
