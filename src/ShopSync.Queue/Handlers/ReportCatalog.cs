using System.Globalization;

namespace ShopSync.Queue.Handlers;

/// <summary>The registered handlers, indexed by report id and alias.</summary>
internal sealed class ReportCatalog : IReportCatalog
{
    private readonly Dictionary<int, IReportHandler> _byId = [];
    private readonly Dictionary<string, ReportDefinition> _byAlias = new(StringComparer.OrdinalIgnoreCase);

    public ReportCatalog(IEnumerable<IReportHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            var definition = handler.Definition;
            if (!_byId.TryAdd(definition.ReportId, handler))
            {
                throw new InvalidOperationException($"Two report handlers are registered for report {definition.ReportId}.");
            }

            foreach (var alias in definition.Aliases)
            {
                if (!_byAlias.TryAdd(alias, definition))
                {
                    throw new InvalidOperationException($"The report alias '{alias}' is used twice.");
                }
            }
        }

        Reports = [.. _byId.Values.Select(h => h.Definition).OrderBy(d => d.ReportId)];
    }

    public IReadOnlyList<ReportDefinition> Reports { get; }

    public IReportHandler? Find(int reportId) => _byId.GetValueOrDefault(reportId);

    public ReportDefinition? Resolve(string idOrAlias)
    {
        if (int.TryParse(idOrAlias, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
        {
            return Find(id)?.Definition;
        }

        return _byAlias.GetValueOrDefault(idOrAlias.Trim());
    }
}
