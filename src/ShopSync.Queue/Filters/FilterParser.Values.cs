using System.Text;

namespace ShopSync.Queue.Filters;

/// <summary>Value scanning: quoted and bare segments, up to the next operator of the grammar.</summary>
internal sealed partial class FilterParser
{
    private FilterRawValue ParseValue()
    {
        SkipSpace();
        var start = _i;
        var segments = new List<FilterValueSegment>();
        var bare = new StringBuilder();
        while (!AtEnd && _text[_i] is not ('|' or '&' or '(' or ')') && !AtRange)
        {
            if (_text[_i] == '\'')
            {
                Flush(segments, bare);
                segments.Add(new FilterValueSegment(ReadQuoted(), Quoted: true));
            }
            else
            {
                bare.Append(_text[_i++]);
            }
        }

        if (bare.Length > 0)
        {
            var trimmed = bare.ToString().TrimEnd();
            bare.Clear().Append(trimmed);
        }

        Flush(segments, bare);
        if (segments.Count == 0)
        {
            throw AtEnd
                ? new FilterSyntaxError($"expected a value at position {_i + 1} (end of the expression)", _i + 1)
                : new FilterSyntaxError($"expected a value before {Describe()} at position {_i + 1}", _i + 1);
        }

        return new FilterRawValue(segments, start + 1);
    }

    private string ReadQuoted()
    {
        var open = _i++;
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new FilterSyntaxError($"the quote opened at position {open + 1} is not closed", open + 1);
            }

            var c = _text[_i++];
            if (c != '\'')
            {
                sb.Append(c);
            }
            else if (!AtEnd && _text[_i] == '\'')
            {
                sb.Append('\'');
                _i++;
            }
            else
            {
                return sb.ToString();
            }
        }
    }

    private static void Flush(List<FilterValueSegment> segments, StringBuilder bare)
    {
        if (bare.Length > 0)
        {
            segments.Add(new FilterValueSegment(bare.ToString(), Quoted: false));
            bare.Clear();
        }
    }
}
