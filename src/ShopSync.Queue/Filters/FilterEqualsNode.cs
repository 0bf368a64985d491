using System.Text;

namespace ShopSync.Queue.Filters;

/// <summary><c>x</c>, <c>=x</c>, <c>&lt;&gt;x</c>, <c>''</c>, <c>@x</c>: equality with a typed constant (null = empty).</summary>
internal sealed class FilterEqualsNode(FieldSemantics semantics, object? constant, bool negate, bool ignoreCase) : FilterNode
{
    private readonly Comparison<object> _compare = semantics.ComparisonFor(ignoreCase);

    public object? Constant { get; } = constant;

    public bool Negate { get; } = negate;

    public bool IgnoreCase { get; } = ignoreCase && semantics.Type == FilterFieldType.Text;

    public override bool Evaluate(object? value)
    {
        bool equal;
        if (Constant is null)
        {
            equal = value is null;
        }
        else
        {
            equal = value is not null && (value is not int i || i >= 0) && _compare(value, Constant) == 0;
        }

        return equal != Negate;
    }

    public override void Write(StringBuilder sb)
    {
        if (Negate)
        {
            sb.Append("<>");
        }

        if (IgnoreCase)
        {
            sb.Append('@');
        }

        sb.Append(Constant is null ? "''" : semantics.Format(Constant));
    }
}
