namespace ShopSync.Queue.Filters;

/// <summary>
/// The request page a report (sync task) declares: the fields its filters may name and its options.
/// Names are matched case-insensitively and always reported in their declared spelling.
/// </summary>
public sealed class RequestPageDefinition
{
    private readonly Dictionary<string, RequestPageField> _fields;
    private readonly Dictionary<string, RequestPageField> _options;

    /// <summary>Creates a definition; prefer <see cref="For"/>.</summary>
    /// <exception cref="ArgumentException">A name is blank or declared twice, or an option field has no values.</exception>
    public RequestPageDefinition(
        int reportId,
        string reportName,
        IEnumerable<RequestPageField> fields,
        IEnumerable<RequestPageField> options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reportName);
        ReportId = reportId;
        ReportName = reportName;
        Fields = fields.ToArray();
        Options = options.ToArray();
        _fields = new Dictionary<string, RequestPageField>(StringComparer.OrdinalIgnoreCase);
        _options = new Dictionary<string, RequestPageField>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in Fields)
        {
            Add(_fields, field, "field");
        }

        foreach (var option in Options)
        {
            if (_fields.ContainsKey(option.Name))
            {
                throw new ArgumentException(
                    $"report {DisplayName}: \"{option.Name}\" is declared both as a field and as an option", nameof(options));
            }

            Add(_options, option, "option");
        }
    }

    /// <summary>The report id, e.g. 30104.</summary>
    public int ReportId { get; }

    /// <summary>The report name, e.g. "Sync Orders from Shopify".</summary>
    public string ReportName { get; }

    /// <summary>"30104 Sync Orders from Shopify", as used in messages.</summary>
    public string DisplayName => $"{ReportId} {ReportName}";

    /// <summary>The filterable fields in declaration order.</summary>
    public IReadOnlyList<RequestPageField> Fields { get; }

    /// <summary>The options (single typed values) in declaration order.</summary>
    public IReadOnlyList<RequestPageField> Options { get; }

    /// <summary>Starts a fluent declaration.</summary>
    public static RequestPageBuilder For(int reportId, string reportName) => new(reportId, reportName);

    /// <summary>The declared field with this name (case-insensitive), or null.</summary>
    public RequestPageField? FindField(string name) => _fields.GetValueOrDefault(name.Trim());

    /// <summary>The declared option with this name (case-insensitive), or null.</summary>
    public RequestPageField? FindOption(string name) => _options.GetValueOrDefault(name.Trim());

    /// <summary>
    /// Parses and type-checks filters and options against this page. An empty expression or option
    /// value is kept as an explicit "no restriction", which overrides a default when merged.
    /// </summary>
    /// <exception cref="FilterValidationException">Carries every problem found, each naming its field.</exception>
    public RequestPageFilters Validate(
        IEnumerable<(string Field, string Expression)> filters,
        IEnumerable<(string Name, string Value)>? options = null)
    {
        return TryValidate(filters, options, out var result, out var problems)
            ? result
            : throw new FilterValidationException(problems);
    }

    /// <summary>Like <see cref="Validate"/>, but returns the problems instead of throwing.</summary>
    public bool TryValidate(
        IEnumerable<(string Field, string Expression)> filters,
        IEnumerable<(string Name, string Value)>? options,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RequestPageFilters? result,
        out IReadOnlyList<FilterProblem> problems)
    {
        return RequestPageValidator.TryValidate(this, filters, options ?? [], out result, out problems);
    }

    /// <inheritdoc/>
    public override string ToString() => DisplayName;

    private void Add(Dictionary<string, RequestPageField> map, RequestPageField field, string kind)
    {
        if (string.IsNullOrWhiteSpace(field.Name) || field.Name != field.Name.Trim())
        {
            throw new ArgumentException($"report {DisplayName}: a {kind} name is blank or has surrounding spaces: \"{field.Name}\"");
        }

        if (!map.TryAdd(field.Name, field))
        {
            throw new ArgumentException($"report {DisplayName}: {kind} \"{field.Name}\" is declared twice");
        }

        if (field.Type == FilterFieldType.Option)
        {
            if (field.OptionValues.Count == 0)
            {
                throw new ArgumentException($"report {DisplayName}: {kind} \"{field.Name}\" is an Option without values");
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in field.OptionValues)
            {
                if (string.IsNullOrWhiteSpace(value) || !seen.Add(value))
                {
                    throw new ArgumentException(
                        $"report {DisplayName}: {kind} \"{field.Name}\" has a blank or repeated value \"{value}\"");
                }
            }
        }
        else if (field.OptionValues.Count != 0)
        {
            throw new ArgumentException($"report {DisplayName}: {kind} \"{field.Name}\" is {field.Type} but lists option values");
        }
    }
}
