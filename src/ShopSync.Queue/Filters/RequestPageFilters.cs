namespace ShopSync.Queue.Filters;

/// <summary>
/// The validated filters and options of one entry (or of a (shop, report) default), as report
/// handlers receive them. Immutable and thread-safe.
/// </summary>
public sealed class RequestPageFilters
{
    private readonly Dictionary<string, FieldFilter> _filters;
    private readonly Dictionary<string, RequestPageOptionValue> _options;

    internal RequestPageFilters(
        RequestPageDefinition definition,
        IEnumerable<FieldFilter> filters,
        IEnumerable<RequestPageOptionValue> options)
    {
        Definition = definition;
        _filters = filters.ToDictionary(f => f.Field.Name, StringComparer.OrdinalIgnoreCase);
        _options = options.ToDictionary(o => o.Name, StringComparer.OrdinalIgnoreCase);
        Filters = definition.Fields.Where(f => _filters.ContainsKey(f.Name)).Select(f => _filters[f.Name]).ToArray();
        Options = definition.Options.Where(o => _options.ContainsKey(o.Name)).Select(o => _options[o.Name]).ToArray();
    }

    /// <summary>The request page these were validated against.</summary>
    public RequestPageDefinition Definition { get; }

    /// <summary>The filters in declaration order (including explicit empty ones).</summary>
    public IReadOnlyList<FieldFilter> Filters { get; }

    /// <summary>The options that were given, in declaration order (including explicit empty ones).</summary>
    public IReadOnlyList<RequestPageOptionValue> Options { get; }

    /// <summary>No filters and no options.</summary>
    public static RequestPageFilters Empty(RequestPageDefinition definition) => new(definition, [], []);

    /// <summary>
    /// Applies <paramref name="entry"/> over these defaults: per field (and per option) the entry's
    /// filter wins when the entry names the field at all, an empty entry expression removing the
    /// default; other defaults stay. Explicit empty filters and options are dropped from the result.
    /// </summary>
    /// <exception cref="ArgumentException">The two belong to different reports.</exception>
    public RequestPageFilters OverriddenBy(RequestPageFilters entry)
    {
        if (entry.Definition.ReportId != Definition.ReportId)
        {
            throw new ArgumentException(
                $"cannot merge filters of report {entry.Definition.DisplayName} over defaults of report {Definition.DisplayName}",
                nameof(entry));
        }

        var filters = new Dictionary<string, FieldFilter>(_filters, StringComparer.OrdinalIgnoreCase);
        foreach (var filter in entry.Filters)
        {
            filters[filter.Field.Name] = filter;
        }

        var options = new Dictionary<string, RequestPageOptionValue>(_options, StringComparer.OrdinalIgnoreCase);
        foreach (var option in entry.Options)
        {
            options[option.Name] = option;
        }

        return new RequestPageFilters(
            entry.Definition,
            filters.Values.Where(f => !f.IsUnrestricted),
            options.Values.Where(o => !o.IsUnset));
    }

    /// <summary>The filter of a declared field, or null when it has none.</summary>
    /// <exception cref="ArgumentException">The report declares no such field.</exception>
    public FieldFilter? GetFilter(string field) => _filters.GetValueOrDefault(RequireField(field).Name);

    /// <summary>
    /// Whether a record value passes the field's filter; true when the field has no filter.
    /// Value types: string (Text/Code/Option), long or int (Integer), decimal (Decimal), bool,
    /// DateOnly (Date), DateTimeOffset (DateTime); null for an empty value.
    /// </summary>
    /// <exception cref="ArgumentException">The field is not declared or the value type does not fit.</exception>
    public bool Matches(string field, object? value)
        => !_filters.TryGetValue(RequireField(field).Name, out var filter) || filter.Matches(value);

    /// <summary>The field's filter when it is one exact value (see <see cref="FieldFilter.TryGetEquals"/>).</summary>
    public bool TryGetEquals(string field, out object? value)
    {
        value = null;
        return GetFilter(field) is { } filter && filter.TryGetEquals(out value);
    }

    /// <summary>The field's filter when it is a list of exact values (see <see cref="FieldFilter.TryGetValues"/>).</summary>
    public bool TryGetValues(string field, out IReadOnlyList<object?> values)
    {
        values = [];
        return GetFilter(field) is { } filter && filter.TryGetValues(out values);
    }

    /// <summary>The field's filter when it is one interval (see <see cref="FieldFilter.TryGetRange"/>).</summary>
    public bool TryGetRange(string field, out FilterRange range)
    {
        range = new FilterRange(null, false, null, false);
        return GetFilter(field) is { } filter && filter.TryGetRange(out range);
    }

    /// <summary>A Boolean option, or <paramref name="defaultValue"/> when not given.</summary>
    public bool GetBoolean(string option, bool defaultValue) => Get(option, FilterFieldType.Boolean, defaultValue);

    /// <summary>An Integer option, or <paramref name="defaultValue"/> when not given.</summary>
    public long GetInteger(string option, long defaultValue) => Get(option, FilterFieldType.Integer, defaultValue);

    /// <summary>A Decimal option, or <paramref name="defaultValue"/> when not given.</summary>
    public decimal GetDecimal(string option, decimal defaultValue) => Get(option, FilterFieldType.Decimal, defaultValue);

    /// <summary>A Text, Code or Option (choice) option, or <paramref name="defaultValue"/> when not given.</summary>
    public string GetText(string option, string defaultValue)
    {
        var declared = RequireOption(option);
        if (declared.Type is not (FilterFieldType.Text or FilterFieldType.Code or FilterFieldType.Option))
        {
            throw WrongType(declared, "text");
        }

        return _options.TryGetValue(declared.Name, out var v) && v.Value is string s ? s : defaultValue;
    }

    /// <summary>A Date option, or <paramref name="defaultValue"/> when not given.</summary>
    public DateOnly? GetDate(string option, DateOnly? defaultValue = null) => Get(option, FilterFieldType.Date, defaultValue);

    /// <summary>A DateTime option, or <paramref name="defaultValue"/> when not given.</summary>
    public DateTimeOffset? GetDateTime(string option, DateTimeOffset? defaultValue = null)
        => Get(option, FilterFieldType.DateTime, defaultValue);

    /// <summary>Whether the option was given a (non-empty) value.</summary>
    public bool HasOption(string option)
        => _options.TryGetValue(RequireOption(option).Name, out var v) && !v.IsUnset;

    private T Get<T>(string option, FilterFieldType type, T defaultValue)
    {
        var declared = RequireOption(option);
        if (declared.Type != type)
        {
            throw WrongType(declared, type.ToString());
        }

        return _options.TryGetValue(declared.Name, out var v) && v.Value is not null ? (T)v.Value : defaultValue;
    }

    private InvalidOperationException WrongType(RequestPageField declared, string asked)
        => new($"option \"{declared.Name}\" of report {Definition.DisplayName} is {declared.Type}, not {asked}");

    private RequestPageField RequireField(string field)
        => Definition.FindField(field)
           ?? throw new ArgumentException($"report {Definition.DisplayName} declares no field \"{field}\"", nameof(field));

    private RequestPageField RequireOption(string option)
        => Definition.FindOption(option)
           ?? throw new ArgumentException($"report {Definition.DisplayName} declares no option \"{option}\"", nameof(option));
}
