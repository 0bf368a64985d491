using System.Text;

namespace ShopSync.Queue.Filters;

/// <summary>
/// <c>x..y</c>, <c>..y</c>, <c>x..</c>, <c>&lt;x</c>, <c>&lt;=x</c>, <c>&gt;x</c>, <c>&gt;=x</c>: an interval, each side
/// open (null), inclusive or exclusive. Empty record values never fall inside (except "" for text).
/// </summary>
internal sealed class FilterRangeNode : FilterNode
{
    private readonly FieldSemantics _field;
    private readonly Comparison<object> _compare;

    public FilterRangeNode(FieldSemantics field, object? low, bool lowInclusive, object? high, bool highInclusive, bool ignoreCase)
    {
        _field = field;
        _compare = field.ComparisonFor(ignoreCase);
        Low = low;
        LowInclusive = low is not null && lowInclusive;
        High = high;
        HighInclusive = high is not null && highInclusive;
        IgnoreCase = ignoreCase && field.Type == FilterFieldType.Text;
    }

    public object? Low { get; }

    public bool LowInclusive { get; }

    public object? High { get; }

    public bool HighInclusive { get; }

    public bool IgnoreCase { get; }

    /// <summary>True when both ends are set and the range prints as <c>x..y</c>.</summary>
    private bool IsClosedInclusive => Low is not null && High is not null && LowInclusive && HighInclusive;

    public override int Precedence => Low is not null && High is not null && !IsClosedInclusive ? AndLevel : AtomLevel;

    public override bool Evaluate(object? value)
    {
        if (value is null || (value is int i && i < 0 && _field.Type == FilterFieldType.Option))
        {
            return false;
        }

        if (Low is not null)
        {
            var c = _compare(value, Low);
            if (c < 0 || (c == 0 && !LowInclusive))
            {
                return false;
            }
        }

        if (High is not null)
        {
            var c = _compare(value, High);
            if (c > 0 || (c == 0 && !HighInclusive))
            {
                return false;
            }
        }

        return true;
    }

    public override void Write(StringBuilder sb)
    {
        var at = IgnoreCase ? "@" : string.Empty;
        if (IsClosedInclusive)
        {
            sb.Append(at).Append(_field.Format(Low!)).Append("..").Append(at).Append(_field.Format(High!));
            return;
        }

        if (Low is not null)
        {
            sb.Append(LowInclusive ? ">=" : ">").Append(at).Append(_field.Format(Low));
        }

        if (Low is not null && High is not null)
        {
            sb.Append('&');
        }

        if (High is not null)
        {
            sb.Append(HighInclusive ? "<=" : "<").Append(at).Append(_field.Format(High));
        }
    }
}
