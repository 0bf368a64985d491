using System.Globalization;

namespace ShopSync.Queue.Filters;

/// <summary>Typed literal parsing and printing shared by filters and options.</summary>
internal static class FilterLiterals
{
    private const string SpecialChars = "|&()<>=@*?'.";

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    /// <summary>Parses a literal of a type; Option values come back as the given string (the caller resolves them).</summary>
    public static bool TryParse(FilterFieldType type, string text, out object value, out bool wholeDay)
    {
        wholeDay = false;
        value = text;
        switch (type)
        {
            case FilterFieldType.Text:
            case FilterFieldType.Code:
            case FilterFieldType.Option:
                return true;
            case FilterFieldType.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l):
                value = l;
                return true;
            case FilterFieldType.Decimal when decimal.TryParse(
                text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d):
                value = d;
                return true;
            case FilterFieldType.Boolean when TryParseBoolean(text, out var b):
                value = b;
                return true;
            case FilterFieldType.Date when TryParseDate(text, out var date):
                value = date;
                return true;
            case FilterFieldType.DateTime when TryParseDate(text, out var day):
                value = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                wholeDay = true;
                return true;
            case FilterFieldType.DateTime when DateTimeOffset.TryParseExact(
                text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant):
                value = instant;
                return true;
            default:
                return false;
        }
    }

    /// <summary>"is not an Integer", "is not a Date (use yyyy-MM-dd)", … for messages.</summary>
    public static string NotA(FilterFieldType type) => type switch
    {
        FilterFieldType.Integer => "is not an Integer",
        FilterFieldType.Decimal => "is not a Decimal (use a point for decimals, e.g. 12.50)",
        FilterFieldType.Boolean => "is not a Boolean (use true/false, yes/no or 1/0)",
        FilterFieldType.Date => "is not a Date (use yyyy-MM-dd)",
        FilterFieldType.DateTime => "is not a DateTime (use ISO 8601, e.g. 2024-01-31T12:00:00Z, or yyyy-MM-dd)",
        _ => $"is not a valid {type}",
    };

    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "1":
                value = true;
                return true;
            case "false" or "no" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Canonical text of a non-text value: invariant numbers, true/false, ISO dates, UTC instants.</summary>
    public static string Format(object value) => value switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>True when a literal run must be quoted to read back as the same literal.</summary>
    public static bool NeedsQuotes(string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return true;
        }

        foreach (var c in text)
        {
            if (SpecialChars.Contains(c) || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Quotes with <c>'…'</c> (doubling inner quotes) when needed; the empty string prints as <c>''</c>.</summary>
    public static string QuoteIfNeeded(string text)
        => NeedsQuotes(text) ? "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'" : text;

    private static bool TryParseDate(string text, out DateOnly date)
        => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
