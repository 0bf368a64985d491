namespace ShopSync.Queue.Filters;

/// <summary>
/// Fluent declaration of a request page, e.g.
/// <c>RequestPageDefinition.For(30104, "Sync Orders from Shopify").Boolean("Fully Paid").Text("Tags").Build()</c>.
/// Field methods declare filterable fields; the <c>…Option</c> methods declare options.
/// </summary>
public sealed class RequestPageBuilder
{
    private readonly int _reportId;
    private readonly string _reportName;
    private readonly List<RequestPageField> _fields = [];
    private readonly List<RequestPageField> _options = [];

    internal RequestPageBuilder(int reportId, string reportName)
    {
        _reportId = reportId;
        _reportName = reportName;
    }

    /// <summary>Builds the definition.</summary>
    public static implicit operator RequestPageDefinition(RequestPageBuilder builder) => builder.Build();

    /// <summary>Declares a Text field.</summary>
    public RequestPageBuilder Text(string name, string description = "") => Field(name, FilterFieldType.Text, description);

    /// <summary>Declares a Code field.</summary>
    public RequestPageBuilder Code(string name, string description = "") => Field(name, FilterFieldType.Code, description);

    /// <summary>Declares an Integer field.</summary>
    public RequestPageBuilder Integer(string name, string description = "") => Field(name, FilterFieldType.Integer, description);

    /// <summary>Declares a Decimal field.</summary>
    public RequestPageBuilder Decimal(string name, string description = "") => Field(name, FilterFieldType.Decimal, description);

    /// <summary>Declares a Boolean field.</summary>
    public RequestPageBuilder Boolean(string name, string description = "") => Field(name, FilterFieldType.Boolean, description);

    /// <summary>Declares a Date field.</summary>
    public RequestPageBuilder Date(string name, string description = "") => Field(name, FilterFieldType.Date, description);

    /// <summary>Declares a DateTime field.</summary>
    public RequestPageBuilder DateTime(string name, string description = "") => Field(name, FilterFieldType.DateTime, description);

    /// <summary>Declares an Option field with its allowed values in order.</summary>
    public RequestPageBuilder Option(string name, params string[] values) => Option(name, values, "");

    /// <summary>Declares an Option field with its allowed values in order and a description.</summary>
    public RequestPageBuilder Option(string name, IReadOnlyList<string> values, string description)
    {
        _fields.Add(new RequestPageField(name, FilterFieldType.Option, values.ToArray(), description));
        return this;
    }

    /// <summary>Declares a Boolean option, e.g. "Only Sync Prices".</summary>
    public RequestPageBuilder BooleanOption(string name, string description = "") => Opt(name, FilterFieldType.Boolean, description);

    /// <summary>Declares a Text option.</summary>
    public RequestPageBuilder TextOption(string name, string description = "") => Opt(name, FilterFieldType.Text, description);

    /// <summary>Declares a Code option.</summary>
    public RequestPageBuilder CodeOption(string name, string description = "") => Opt(name, FilterFieldType.Code, description);

    /// <summary>Declares an Integer option.</summary>
    public RequestPageBuilder IntegerOption(string name, string description = "") => Opt(name, FilterFieldType.Integer, description);

    /// <summary>Declares a Decimal option.</summary>
    public RequestPageBuilder DecimalOption(string name, string description = "") => Opt(name, FilterFieldType.Decimal, description);

    /// <summary>Declares a Date option.</summary>
    public RequestPageBuilder DateOption(string name, string description = "") => Opt(name, FilterFieldType.Date, description);

    /// <summary>Declares a DateTime option.</summary>
    public RequestPageBuilder DateTimeOption(string name, string description = "") => Opt(name, FilterFieldType.DateTime, description);

    /// <summary>Declares an option whose value is one of <paramref name="values"/>.</summary>
    public RequestPageBuilder ChoiceOption(string name, params string[] values) => ChoiceOption(name, values, "");

    /// <summary>Declares an option whose value is one of <paramref name="values"/>, with a description.</summary>
    public RequestPageBuilder ChoiceOption(string name, IReadOnlyList<string> values, string description)
    {
        _options.Add(new RequestPageField(name, FilterFieldType.Option, values.ToArray(), description));
        return this;
    }

    /// <summary>Builds the definition.</summary>
    /// <exception cref="ArgumentException">A name is declared twice or an option field has no values.</exception>
    public RequestPageDefinition Build() => new(_reportId, _reportName, _fields, _options);

    private RequestPageBuilder Field(string name, FilterFieldType type, string description)
    {
        _fields.Add(new RequestPageField(name, type, [], description));
        return this;
    }

    private RequestPageBuilder Opt(string name, FilterFieldType type, string description)
    {
        _options.Add(new RequestPageField(name, type, [], description));
        return this;
    }
}
