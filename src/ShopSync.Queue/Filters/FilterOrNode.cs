using System.Text;

namespace ShopSync.Queue.Filters;

/// <summary><c>a|b|…</c>: true when any item is.</summary>
internal sealed class FilterOrNode : FilterNode
{
    private FilterOrNode(FilterNode[] items) => Items = items;

    public FilterNode[] Items { get; }

    public override int Precedence => OrLevel;

    /// <summary>Flattens nested or-lists; a single item is returned as it is.</summary>
    public static FilterNode Create(IEnumerable<FilterNode> items)
    {
        var flat = items.SelectMany(i => i is FilterOrNode or ? or.Items : [i]).ToArray();
        return flat.Length == 1 ? flat[0] : new FilterOrNode(flat);
    }

    public override bool Evaluate(object? value)
    {
        foreach (var item in Items)
        {
            if (item.Evaluate(value))
            {
                return true;
            }
        }

        return false;
    }

    public override void Write(StringBuilder sb)
    {
        for (var i = 0; i < Items.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('|');
            }

            WriteChild(sb, Items[i], AndLevel);
        }
    }
}
