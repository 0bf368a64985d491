using System.Text;

namespace ShopSync.Queue.Filters;

/// <summary>
/// A wildcard value (<c>*vip*</c>, <c>@a?c</c>, <c>&lt;&gt;*test*</c>). On Text/Code the pattern runs on the
/// record's text; on Option fields the declared values that match are found at parse time.
/// </summary>
internal sealed class FilterPatternNode : FilterNode
{
    private readonly WildcardPattern _pattern;
    private readonly bool[]? _optionMatches;
    private readonly bool _printAt;

    public FilterPatternNode(FieldSemantics field, WildcardPattern pattern, bool negate, bool ignoreCase)
    {
        _pattern = pattern;
        Negate = negate;
        _printAt = ignoreCase && field.Type == FilterFieldType.Text;
        if (field.Type == FilterFieldType.Option)
        {
            _optionMatches = field.Field.OptionValues.Select(pattern.IsMatch).ToArray();
        }
    }

    public bool Negate { get; }

    /// <summary>For Option fields: whether any declared value matches.</summary>
    public bool MatchesAnyOption => _optionMatches is null || _optionMatches.Contains(true);

    public override bool Evaluate(object? value)
    {
        var match = value switch
        {
            string s => _pattern.IsMatch(s),
            int i when _optionMatches is not null => i >= 0 && _optionMatches[i],
            _ => false,
        };
        return match != Negate;
    }

    public override void Write(StringBuilder sb)
    {
        if (Negate)
        {
            sb.Append("<>");
        }

        if (_printAt)
        {
            sb.Append('@');
        }

        _pattern.Write(sb);
    }
}
