using System.Text;

namespace ShopSync.Queue.Filters;

/// <summary>
/// One field's parsed, typed filter. Immutable and thread-safe; evaluation walks a pre-typed tree
/// (no regex, no parsing per call).
/// </summary>
public sealed class FieldFilter
{
    private readonly FieldSemantics _semantics;
    private readonly FilterNode? _root;

    private FieldFilter(RequestPageField field, string expression, FieldSemantics semantics, FilterNode? root)
    {
        Field = field;
        Expression = expression;
        _semantics = semantics;
        _root = root;
        NormalizedExpression = root is null ? string.Empty : Write(root);
    }

    /// <summary>The declared field.</summary>
    public RequestPageField Field { get; }

    /// <summary>The expression as given (surrounding whitespace removed).</summary>
    public string Expression { get; }

    /// <summary>
    /// The canonical form: typed values printed invariantly, quotes only where needed, redundant
    /// parentheses removed. Parsing it again gives an equivalent filter.
    /// </summary>
    public string NormalizedExpression { get; }

    /// <summary>True for an empty expression: no restriction (it still overrides a default when merged).</summary>
    public bool IsUnrestricted => _root is null;

    internal FilterNode? Root => _root;

    /// <summary>Parses an expression for a field.</summary>
    /// <exception cref="FilterValidationException">The expression is malformed or does not fit the field type.</exception>
    public static FieldFilter Parse(RequestPageField field, string expression)
    {
        var semantics = new FieldSemantics(field);
        var trimmed = (expression ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return new FieldFilter(field, trimmed, semantics, null);
        }

        try
        {
            return new FieldFilter(field, trimmed, semantics, FilterParser.Parse(semantics, expression!));
        }
        catch (FilterSyntaxError error)
        {
            throw new FilterValidationException(
                [new FilterProblem(FilterProblemKind.Filter, field.Name, error.Position, $"filter \"{field.Name}\": {error.Detail}")]);
        }
    }

    /// <summary>
    /// Whether a record value passes. Pass string (Text, Code, Option name), long/int (Integer),
    /// decimal (Decimal), bool, DateOnly (Date), DateTimeOffset (DateTime), or null for an empty value.
    /// </summary>
    /// <exception cref="ArgumentException">The value's CLR type does not fit the field type.</exception>
    public bool Matches(object? value) => _root is null || _root.Evaluate(_semantics.NormalizeInput(value));

    /// <summary>True when the filter is a single exact (case-sensitive, or Code) equality; value null means "empty".</summary>
    public bool TryGetEquals(out object? value)
    {
        value = null;
        if (_root is FilterEqualsNode { Negate: false, IgnoreCase: false } node)
        {
            value = _semantics.Denormalize(node.Constant);
            return true;
        }

        return false;
    }

    /// <summary>True when the filter is a list of exact equalities (<c>a|b|c</c>); handy for "status in (…)" queries.</summary>
    public bool TryGetValues(out IReadOnlyList<object?> values)
    {
        var items = _root is FilterOrNode or ? or.Items : _root is null ? [] : [_root];
        var result = new List<object?>();
        foreach (var item in items)
        {
            if (item is not FilterEqualsNode { Negate: false, IgnoreCase: false } node)
            {
                values = [];
                return false;
            }

            result.Add(_semantics.Denormalize(node.Constant));
        }

        values = result;
        return result.Count > 0;
    }

    /// <summary>True when the filter is a single interval (<c>x..y</c>, <c>&gt;=x</c>, a day on a DateTime field, …).</summary>
    public bool TryGetRange(out FilterRange range)
    {
        if (_root is FilterRangeNode { IgnoreCase: false } node)
        {
            range = new FilterRange(
                _semantics.Denormalize(node.Low), node.LowInclusive, _semantics.Denormalize(node.High), node.HighInclusive);
            return true;
        }

        range = new FilterRange(null, false, null, false);
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Field.Name}: {NormalizedExpression}";

    private static string Write(FilterNode root)
    {
        var sb = new StringBuilder();
        root.Write(sb);
        return sb.ToString();
    }
}
