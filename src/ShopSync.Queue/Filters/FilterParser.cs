using System.Text;

namespace ShopSync.Queue.Filters;

/// <summary>
/// Recursive-descent parser of BC filter expressions (grammar in docs/filters.md). Works on characters
/// because whether <c>&lt;</c>, <c>=</c> or <c>@</c> is an operator depends on where it stands.
/// Errors are <see cref="FilterSyntaxError"/> with 1-based positions.
/// </summary>
internal sealed partial class FilterParser
{
    private readonly string _text;
    private readonly FilterNodeFactory _factory;
    private int _i;

    private FilterParser(FieldSemantics field, string text)
    {
        _text = text;
        _factory = new FilterNodeFactory(field);
    }

    private bool AtEnd => _i >= _text.Length;

    private bool AtRange => _i + 1 < _text.Length && _text[_i] == '.' && _text[_i + 1] == '.';

    /// <summary>Parses a non-blank expression.</summary>
    public static FilterNode Parse(FieldSemantics field, string text)
    {
        var parser = new FilterParser(field, text);
        var node = parser.ParseOr();
        parser.SkipSpace();
        return parser.AtEnd ? node : throw parser.Unexpected();
    }

    private FilterNode ParseOr()
    {
        var items = new List<FilterNode> { ParseAnd() };
        while (TrySkip('|'))
        {
            items.Add(ParseAnd());
        }

        return FilterOrNode.Create(items);
    }

    private FilterNode ParseAnd()
    {
        var items = new List<FilterNode> { ParseTerm() };
        while (TrySkip('&'))
        {
            items.Add(ParseTerm());
        }

        return FilterAndNode.Create(items);
    }

    private FilterNode ParseTerm()
    {
        SkipSpace();
        if (AtEnd || _text[_i] != '(')
        {
            return ParseCondition();
        }

        var open = _i++;
        var node = ParseOr();
        SkipSpace();
        if (AtEnd)
        {
            throw new FilterSyntaxError($"missing ')' for the '(' at position {open + 1}", open + 1);
        }

        if (_text[_i] != ')')
        {
            throw Unexpected();
        }

        _i++;
        return node;
    }

    private FilterNode ParseCondition()
    {
        SkipSpace();
        var start = _i + 1;
        var ignoreCase = TryAt();
        var op = TryOperator();
        if (op is not null)
        {
            ignoreCase |= TryAt();
            var value = ParseValue();
            SkipSpace();
            if (AtRange)
            {
                throw Unexpected();
            }

            return _factory.Compare(op, value, ignoreCase, start);
        }

        SkipSpace();
        if (AtRange)
        {
            _i += 2;
            ignoreCase |= TryAt();
            return _factory.Range(null, ParseValue(), ignoreCase, start);
        }

        var low = ParseValue();
        SkipSpace();
        if (!AtRange)
        {
            return _factory.Compare("=", low, ignoreCase, start);
        }

        _i += 2;
        SkipSpace();
        if (AtEnd || _text[_i] is '|' or '&' or ')')
        {
            return _factory.Range(low, null, ignoreCase, start);
        }

        ignoreCase |= TryAt();
        return _factory.Range(low, ParseValue(), ignoreCase, start);
    }

    private string? TryOperator()
    {
        SkipSpace();
        foreach (var op in (ReadOnlySpan<string>)["<>", "<=", ">=", "<", ">", "="])
        {
            if (string.CompareOrdinal(_text, _i, op, 0, op.Length) == 0)
            {
                _i += op.Length;
                return op;
            }
        }

        return null;
    }

    private bool TryAt() => TrySkip('@');

    private bool TrySkip(char c)
    {
        SkipSpace();
        if (!AtEnd && _text[_i] == c)
        {
            _i++;
            return true;
        }

        return false;
    }

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(_text[_i]))
        {
            _i++;
        }
    }

    private string Describe() => AtRange ? "'..'" : $"'{_text[_i]}'";

    private FilterSyntaxError Unexpected()
    {
        var hint = _text[_i] is '(' or ')' ? "; quote values that contain | & ( ) or .. like 'a (b)'" : string.Empty;
        return new FilterSyntaxError($"unexpected {Describe()} at position {_i + 1}{hint}", _i + 1);
    }
}
