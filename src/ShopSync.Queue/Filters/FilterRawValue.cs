namespace ShopSync.Queue.Filters;

/// <summary>A value as scanned from an expression, before typing.</summary>
/// <param name="Segments">The quoted and unquoted runs, edge whitespace of unquoted runs trimmed.</param>
/// <param name="Position">1-based column where the value starts.</param>
internal sealed record FilterRawValue(IReadOnlyList<FilterValueSegment> Segments, int Position)
{
    /// <summary>The value's characters with quotes removed.</summary>
    public string Text => string.Concat(Segments.Select(s => s.Text));

    /// <summary><c>''</c>: only quoted segments and no characters.</summary>
    public bool IsEmpty => Segments.All(s => s.Quoted && s.Text.Length == 0);

    /// <summary>An unquoted <c>*</c> or <c>?</c> appears.</summary>
    public bool HasWildcards => Segments.Any(s => !s.Quoted && s.Text.AsSpan().IndexOfAny('*', '?') >= 0);

    /// <summary>The position of the first unquoted wildcard (for messages).</summary>
    public int WildcardPosition
    {
        get
        {
            var pos = Position;
            foreach (var s in Segments)
            {
                var at = s.Quoted ? -1 : s.Text.AsSpan().IndexOfAny('*', '?');
                if (at >= 0)
                {
                    return pos + at;
                }

                pos += s.Text.Length + (s.Quoted ? 2 + s.Text.Count(c => c == '\'') : 0);
            }

            return Position;
        }
    }
}
