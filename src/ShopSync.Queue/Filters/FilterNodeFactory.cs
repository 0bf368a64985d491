namespace ShopSync.Queue.Filters;

/// <summary>
/// Turns scanned conditions into typed nodes, applying the per-type rules: wildcards only on
/// Text/Code/Option, <c>@</c> only there too, <c>''</c> only with = / &lt;&gt; on non-text types, and a date
/// on a DateTime semantics meaning that whole UTC day.
/// </summary>
internal sealed class FilterNodeFactory(FieldSemantics semantics)
{
    public FilterNode Compare(string op, FilterRawValue raw, bool ignoreCase, int position)
    {
        CheckIgnoreCase(ignoreCase, position);
        var equality = op is "=" or "<>";
        var negate = op == "<>";
        if (raw.HasWildcards)
        {
            if (!semantics.AllowsWildcards)
            {
                throw Error($"wildcards (* ?) are not allowed on {FieldKind} field (position {raw.WildcardPosition})", raw.WildcardPosition);
            }

            if (!equality)
            {
                throw Error($"'{op}' cannot be combined with a wildcard value at position {position}", position);
            }

            return Pattern(raw, negate, ignoreCase);
        }

        if (raw.IsEmpty && !semantics.IsTextual)
        {
            return equality
                ? new FilterEqualsNode(semantics, null, negate, ignoreCase)
                : throw Error($"'' (empty) can only follow = or <> on {FieldKind} field (position {raw.Position})", raw.Position);
        }

        var value = Literal(raw, out var wholeDay);
        if (!wholeDay)
        {
            return op switch
            {
                "=" or "<>" => new FilterEqualsNode(semantics, value, negate, ignoreCase),
                "<" => new FilterRangeNode(semantics, null, false, value, false, ignoreCase),
                "<=" => new FilterRangeNode(semantics, null, false, value, true, ignoreCase),
                ">" => new FilterRangeNode(semantics, value, false, null, false, ignoreCase),
                _ => new FilterRangeNode(semantics, value, true, null, false, ignoreCase),
            };
        }

        var day = (DateTimeOffset)value;
        var next = day.AddDays(1);
        return op switch
        {
            "=" => new FilterRangeNode(semantics, day, true, next, false, false),
            "<>" => FilterOrNode.Create(
            [
                new FilterRangeNode(semantics, null, false, day, false, false),
                new FilterRangeNode(semantics, next, true, null, false, false),
            ]),
            "<" => new FilterRangeNode(semantics, null, false, day, false, false),
            "<=" => new FilterRangeNode(semantics, null, false, next, false, false),
            ">" => new FilterRangeNode(semantics, next, true, null, false, false),
            _ => new FilterRangeNode(semantics, day, true, null, false, false),
        };
    }

    public FilterNode Range(FilterRawValue? lowRaw, FilterRawValue? highRaw, bool ignoreCase, int position)
    {
        CheckIgnoreCase(ignoreCase, position);
        object? low = null;
        object? high = null;
        var highInclusive = true;
        if (lowRaw is not null)
        {
            low = Bound(lowRaw, out _);
        }

        if (highRaw is not null)
        {
            high = Bound(highRaw, out var wholeDay);
            if (wholeDay)
            {
                high = ((DateTimeOffset)high).AddDays(1);
                highInclusive = false;
            }
        }

        if (low is not null && high is not null && semantics.ComparisonFor(ignoreCase)(low, high) > 0)
        {
            throw Error(
                $"the range at position {position} is empty: {semantics.Format(low)} is after {semantics.Format(high)}", position);
        }

        return new FilterRangeNode(semantics, low, true, high, highInclusive, ignoreCase);
    }

    private object Bound(FilterRawValue raw, out bool wholeDay)
    {
        if (raw.HasWildcards)
        {
            throw Error($"a range cannot have a wildcard end (position {raw.WildcardPosition})", raw.WildcardPosition);
        }

        if (raw.IsEmpty && !semantics.IsTextual)
        {
            throw Error($"'' (empty) cannot end a range on {FieldKind} field (position {raw.Position})", raw.Position);
        }

        return Literal(raw, out wholeDay);
    }

    private object Literal(FilterRawValue raw, out bool wholeDay)
        => semantics.ParseLiteral(raw.Text, raw.Position, out wholeDay);

    private FilterNode Pattern(FilterRawValue raw, bool negate, bool ignoreCase)
    {
        var caseInsensitive = ignoreCase || semantics.Type is FilterFieldType.Code or FilterFieldType.Option;
        var pattern = WildcardPattern.Create(raw.Segments, caseInsensitive, upperCaseLiterals: semantics.Type == FilterFieldType.Code);
        var node = new FilterPatternNode(semantics, pattern, negate, ignoreCase);
        return node.MatchesAnyOption
            ? node
            : throw Error(
                $"'{raw.Text}' at position {raw.Position} matches no option; valid: {semantics.Field.ValidOptionsText}", raw.Position);
    }

    private void CheckIgnoreCase(bool ignoreCase, int position)
    {
        if (ignoreCase && !semantics.AllowsWildcards)
        {
            throw Error($"'@' (ignore case) is not allowed on {FieldKind} field (position {position})", position);
        }
    }

    private string FieldKind => semantics.Type == FilterFieldType.Integer ? "an Integer" : $"a {semantics.Type}";

    private static FilterSyntaxError Error(string message, int position) => new(message, position);
}
