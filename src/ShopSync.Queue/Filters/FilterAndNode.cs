using System.Text;

namespace ShopSync.Queue.Filters;

/// <summary><c>a&amp;b&amp;…</c>: true when every item is.</summary>
internal sealed class FilterAndNode : FilterNode
{
    private FilterAndNode(FilterNode[] items) => Items = items;

    public FilterNode[] Items { get; }

    public override int Precedence => AndLevel;

    /// <summary>Flattens nested and-lists; a single item is returned as it is.</summary>
    public static FilterNode Create(IEnumerable<FilterNode> items)
    {
        var flat = items.SelectMany(i => i is FilterAndNode and ? and.Items : [i]).ToArray();
        return flat.Length == 1 ? flat[0] : new FilterAndNode(flat);
    }

    public override bool Evaluate(object? value)
    {
        foreach (var item in Items)
        {
            if (!item.Evaluate(value))
            {
                return false;
            }
        }

        return true;
    }

    public override void Write(StringBuilder sb)
    {
        for (var i = 0; i < Items.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('&');
            }

            WriteChild(sb, Items[i], AndLevel);
        }
    }
}
