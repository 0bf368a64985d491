namespace ShopSync.Queue.Filters;

/// <summary>
/// Everything type-specific about one field: how literals parse, how record values are normalised
/// for evaluation, how values compare and how they print in normalised expressions.
/// Normalised values: Text/Code string (never null), Integer long, Decimal decimal, Boolean bool,
/// Date DateOnly, DateTime DateTimeOffset, Option int (declared index, -1 unknown); null is "empty".
/// </summary>
internal sealed class FieldSemantics
{
    private readonly Dictionary<string, int>? _optionIndex;

    public FieldSemantics(RequestPageField field)
    {
        Field = field;
        if (field.Type == FilterFieldType.Option)
        {
            _optionIndex = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < field.OptionValues.Count; i++)
            {
                _optionIndex[field.OptionValues[i]] = i;
            }
        }

        Comparison = CreateComparison(field.Type, ignoreCase: field.Type == FilterFieldType.Code);
        IgnoreCaseComparison = CreateComparison(field.Type, ignoreCase: true);
    }

    public RequestPageField Field { get; }

    public FilterFieldType Type => Field.Type;

    public bool IsTextual => Type is FilterFieldType.Text or FilterFieldType.Code;

    public bool AllowsWildcards => IsTextual || Type == FilterFieldType.Option;

    /// <summary>Case-sensitive for Text, case-insensitive for Code.</summary>
    public Comparison<object> Comparison { get; }

    public Comparison<object> IgnoreCaseComparison { get; }

    public Comparison<object> ComparisonFor(bool ignoreCase) => ignoreCase ? IgnoreCaseComparison : Comparison;

    /// <summary>Parses a non-empty literal without wildcards; <paramref name="wholeDay"/> is set for a date on a DateTime field.</summary>
    public object ParseLiteral(string text, int position, out bool wholeDay)
    {
        wholeDay = false;
        if (FilterLiterals.TryParse(Type, text, out var value, out wholeDay))
        {
            return Type switch
            {
                FilterFieldType.Code => ((string)value).ToUpperInvariant(),
                FilterFieldType.Option => IndexOrThrow(text, position),
                _ => value,
            };
        }

        throw new FilterSyntaxError($"'{text}' at position {position} {FilterLiterals.NotA(Type)}", position);
    }

    /// <summary>The declared index of an option value, -1 when it is not declared.</summary>
    public int OptionIndex(string name) => _optionIndex!.TryGetValue(name, out var index) ? index : -1;

    /// <summary>Converts a record value a handler passes to the normalised form of this field.</summary>
    /// <exception cref="ArgumentException">The CLR type does not fit the field type.</exception>
    public object? NormalizeInput(object? value)
    {
        if (value is null)
        {
            return IsTextual ? string.Empty : null;
        }

        object? result = (Type, value) switch
        {
            (FilterFieldType.Text, string s) => s,
            (FilterFieldType.Code, string s) => s,
            (FilterFieldType.Text or FilterFieldType.Code, char c) => c.ToString(),
            (FilterFieldType.Text or FilterFieldType.Code, long or int) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            (FilterFieldType.Integer, long l) => l,
            (FilterFieldType.Integer, int i) => (long)i,
            (FilterFieldType.Integer, short s) => (long)s,
            (FilterFieldType.Integer, byte b) => (long)b,
            (FilterFieldType.Integer, uint u) => (long)u,
            (FilterFieldType.Decimal, decimal d) => d,
            (FilterFieldType.Decimal, long l) => (decimal)l,
            (FilterFieldType.Decimal, int i) => (decimal)i,
            (FilterFieldType.Decimal, double d) when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
            (FilterFieldType.Boolean, bool b) => b,
            (FilterFieldType.Date, DateOnly d) => d,
            (FilterFieldType.Date, DateTime dt) => DateOnly.FromDateTime(dt),
            (FilterFieldType.DateTime, DateTimeOffset dto) => dto,
            (FilterFieldType.DateTime, DateTime dt) => dt.Kind == DateTimeKind.Unspecified
                ? new DateTimeOffset(dt, TimeSpan.Zero)
                : new DateTimeOffset(dt.ToUniversalTime(), TimeSpan.Zero),
            (FilterFieldType.Option, string s) => OptionIndex(s),
            _ => null,
        };

        return result ?? throw new ArgumentException(
            $"filter field \"{Field.Name}\" is {Type}; a {value.GetType().Name} value cannot be matched against it",
            nameof(value));
    }

    /// <summary>Turns a normalised value back into what handlers see (option index → declared name).</summary>
    public object? Denormalize(object? value)
        => Type == FilterFieldType.Option && value is int index ? Field.OptionValues[index] : value;

    /// <summary>Prints a normalised, non-null value as it must appear in a normalised expression.</summary>
    public string Format(object value) => Type switch
    {
        FilterFieldType.Text or FilterFieldType.Code => FilterLiterals.QuoteIfNeeded((string)value),
        FilterFieldType.Option => FilterLiterals.QuoteIfNeeded(Field.OptionValues[(int)value]),
        _ => FilterLiterals.Format(value),
    };

    private int IndexOrThrow(string text, int position)
    {
        var index = OptionIndex(text);
        return index >= 0
            ? index
            : throw new FilterSyntaxError(
                $"'{text}' at position {position} is not an option; valid: {Field.ValidOptionsText}", position);
    }

    private static Comparison<object> CreateComparison(FilterFieldType type, bool ignoreCase) => type switch
    {
        FilterFieldType.Text or FilterFieldType.Code => ignoreCase
            ? (a, b) => string.Compare((string)a, (string)b, StringComparison.OrdinalIgnoreCase)
            : (a, b) => string.CompareOrdinal((string)a, (string)b),
        FilterFieldType.Integer => (a, b) => ((long)a).CompareTo((long)b),
        FilterFieldType.Decimal => (a, b) => ((decimal)a).CompareTo((decimal)b),
        FilterFieldType.Boolean => (a, b) => ((bool)a).CompareTo((bool)b),
        FilterFieldType.Date => (a, b) => ((DateOnly)a).CompareTo((DateOnly)b),
        FilterFieldType.DateTime => (a, b) => ((DateTimeOffset)a).CompareTo((DateTimeOffset)b),
        FilterFieldType.Option => (a, b) => ((int)a).CompareTo((int)b),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown field type"),
    };
}
