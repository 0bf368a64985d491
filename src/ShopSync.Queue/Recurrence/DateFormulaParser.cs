using System.Globalization;

namespace ShopSync.Queue.Recurrence;

/// <summary>
/// Reads the accepted subset of the ERP date formula grammar:
/// <c>formula = ["&lt;"] [sign] term {sign term} ["&gt;"]</c>, <c>term = number unit | "C" unit | "WD" 1..7</c>,
/// <c>unit = D | W | M | Q | Y</c>. Spaces are ignored and letters may be lower case.
/// </summary>
internal static class DateFormulaParser
{
    public const int MaxNumber = 9999;

    public static IReadOnlyList<DateFormulaTerm>? Parse(string? text, out string? error)
    {
        error = null;
        var compact = string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (compact.Length == 0)
        {
            error = "a date formula is required, e.g. '1D', '1W' or 'CM+1D'";
            return null;
        }

        var opens = compact.StartsWith('<');
        var closes = compact.EndsWith('>');
        if (opens != closes)
        {
            error = $"unbalanced '<' '>' in date formula '{Entries.RequestLimits.Quote(text)}'";
            return null;
        }

        var body = opens ? compact[1..^1] : compact;
        if (body.Length == 0)
        {
            error = $"date formula '{Entries.RequestLimits.Quote(text)}' has no terms";
            return null;
        }

        var terms = new List<DateFormulaTerm>();
        var position = 0;
        while (position < body.Length)
        {
            var negative = false;
            if (body[position] is '+' or '-')
            {
                negative = body[position] == '-';
                position++;
            }
            else if (terms.Count > 0)
            {
                error = $"expected '+' or '-' before '{Entries.RequestLimits.Quote(body[position..])}' in date formula '{Entries.RequestLimits.Quote(text)}'";
                return null;
            }

            var start = position;
            while (position < body.Length && char.IsAsciiLetterOrDigit(body[position]))
            {
                position++;
            }

            if (position == start)
            {
                error = position < body.Length
                    ? $"unexpected character '{body[position]}' in date formula '{Entries.RequestLimits.Quote(text)}'"
                    : $"date formula '{Entries.RequestLimits.Quote(text)}' ends with a sign and no term";
                return null;
            }

            var term = ParseTerm(body[start..position], negative, out error);
            if (term is null)
            {
                return null;
            }

            terms.Add(term);
            if (position < body.Length && body[position] is not ('+' or '-'))
            {
                error = $"unexpected character '{body[position]}' in date formula '{Entries.RequestLimits.Quote(text)}'";
                return null;
            }
        }

        return terms;
    }

    private static DateFormulaTerm? ParseTerm(string part, bool negative, out string? error)
    {
        error = null;
        if (part.Length == 2 && part[0] == 'C' && UnitOf(part[1], current: true) is { } current)
        {
            return new DateFormulaTerm(negative, current, 0);
        }

        if (part.Length == 3 && part.StartsWith("WD", StringComparison.Ordinal) && part[2] is >= '1' and <= '7')
        {
            return new DateFormulaTerm(negative, DateFormulaUnit.Weekday, part[2] - '0');
        }

        var digits = 0;
        while (digits < part.Length && char.IsAsciiDigit(part[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits == part.Length - 1 && UnitOf(part[^1], current: false) is { } unit)
        {
            if (digits > 4 || int.Parse(part[..digits], CultureInfo.InvariantCulture) is < 1 or > MaxNumber)
            {
                error = $"the number in date formula part '{Entries.RequestLimits.Quote(part)}' must be 1..{MaxNumber}";
                return null;
            }

            return new DateFormulaTerm(negative, unit, int.Parse(part[..digits], CultureInfo.InvariantCulture));
        }

        error = $"unsupported date formula part '{Entries.RequestLimits.Quote(part)}' (supported: nD nW nM nQ nY, CD CW CM CQ CY, WD1..WD7)";
        return null;
    }

    private static DateFormulaUnit? UnitOf(char letter, bool current) => letter switch
    {
        'D' => current ? DateFormulaUnit.CurrentDay : DateFormulaUnit.Days,
        'W' => current ? DateFormulaUnit.CurrentWeek : DateFormulaUnit.Weeks,
        'M' => current ? DateFormulaUnit.CurrentMonth : DateFormulaUnit.Months,
        'Q' => current ? DateFormulaUnit.CurrentQuarter : DateFormulaUnit.Quarters,
        'Y' => current ? DateFormulaUnit.CurrentYear : DateFormulaUnit.Years,
        _ => null,
    };
}
