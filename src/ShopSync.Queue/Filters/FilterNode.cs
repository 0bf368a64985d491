using System.Text;

namespace ShopSync.Queue.Filters;

/// <summary>
/// A node of a parsed, typed filter expression. Constants are parsed and typed once, so evaluation
/// is a walk over the tree with typed comparisons and precompiled wildcard patterns.
/// </summary>
internal abstract class FilterNode
{
    /// <summary>Precedence of or-lists.</summary>
    public const int OrLevel = 0;

    /// <summary>Precedence of and-lists (and of ranges that print as <c>&gt;=x&amp;&lt;y</c>).</summary>
    public const int AndLevel = 1;

    /// <summary>Precedence of single conditions.</summary>
    public const int AtomLevel = 2;

    /// <summary>How tightly the printed form binds; a child binding looser than its parent gets parentheses.</summary>
    public virtual int Precedence => AtomLevel;

    /// <summary>Evaluates against a normalised value (see <see cref="FieldSemantics"/>).</summary>
    public abstract bool Evaluate(object? value);

    /// <summary>Appends the normalised text.</summary>
    public abstract void Write(StringBuilder sb);

    /// <summary>Writes a child, in parentheses when it binds looser than <paramref name="level"/>.</summary>
    protected static void WriteChild(StringBuilder sb, FilterNode child, int level)
    {
        if (child.Precedence < level)
        {
            sb.Append('(');
            child.Write(sb);
            sb.Append(')');
        }
        else
        {
            child.Write(sb);
        }
    }
}
