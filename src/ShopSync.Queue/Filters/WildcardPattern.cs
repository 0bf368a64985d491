using System.Text;

namespace ShopSync.Queue.Filters;

/// <summary>
/// A <c>*</c>/<c>?</c> pattern matched in O(text × pattern) worst case by the greedy
/// star-backtracking algorithm (only the last <c>*</c> is revisited), so no input can make it explode.
/// </summary>
internal sealed class WildcardPattern
{
    private const byte Literal = 0;
    private const byte AnyOne = 1;
    private const byte AnyRun = 2;

    private readonly char[] _chars;
    private readonly byte[] _kinds;
    private readonly bool _ignoreCase;

    private WildcardPattern(char[] chars, byte[] kinds, bool ignoreCase)
    {
        _chars = chars;
        _kinds = kinds;
        _ignoreCase = ignoreCase;
    }

    /// <summary>Builds a pattern from value segments: wildcards count only in unquoted segments.</summary>
    public static WildcardPattern Create(IReadOnlyList<FilterValueSegment> segments, bool ignoreCase, bool upperCaseLiterals)
    {
        var chars = new List<char>();
        var kinds = new List<byte>();
        foreach (var segment in segments)
        {
            foreach (var raw in segment.Text)
            {
                var kind = segment.Quoted ? Literal : raw switch { '*' => AnyRun, '?' => AnyOne, _ => Literal };
                if (kind == AnyRun && kinds.Count > 0 && kinds[^1] == AnyRun)
                {
                    continue;
                }

                var c = kind == Literal && upperCaseLiterals ? char.ToUpperInvariant(raw) : raw;
                chars.Add(c);
                kinds.Add(kind);
            }
        }

        return new WildcardPattern([.. chars], [.. kinds], ignoreCase);
    }

    public bool IsMatch(string text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        var n = _kinds.Length;
        while (t < text.Length)
        {
            if (p < n && (_kinds[p] == AnyOne || (_kinds[p] == Literal && CharEquals(_chars[p], text[t]))))
            {
                p++;
                t++;
            }
            else if (p < n && _kinds[p] == AnyRun)
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < n && _kinds[p] == AnyRun)
        {
            p++;
        }

        return p == n;
    }

    /// <summary>Prints the pattern: literal runs quoted when needed, wildcards bare.</summary>
    public void Write(StringBuilder sb)
    {
        var run = new StringBuilder();
        for (var i = 0; i < _kinds.Length; i++)
        {
            if (_kinds[i] == Literal)
            {
                run.Append(_chars[i]);
                continue;
            }

            Flush(sb, run);
            sb.Append(_kinds[i] == AnyRun ? '*' : '?');
        }

        Flush(sb, run);
    }

    private static void Flush(StringBuilder sb, StringBuilder run)
    {
        if (run.Length > 0)
        {
            sb.Append(FilterLiterals.QuoteIfNeeded(run.ToString()));
            run.Clear();
        }
    }

    private bool CharEquals(char a, char b)
        => a == b || (_ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
