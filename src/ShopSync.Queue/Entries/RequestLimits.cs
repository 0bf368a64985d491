using ShopSync.Queue.Errors;

namespace ShopSync.Queue.Entries;

/// <summary>
/// Upper bounds on what one request may carry, checked before any parsing or storing so a refusal stays cheap
/// (docs/limits.md). Each refusal names the field and the limit and quotes at most <see cref="QuoteLength"/>
/// characters of the input.
/// </summary>
public static class RequestLimits
{
    /// <summary>Entries per EnqueueJobs call.</summary>
    public const int JobsPerEnqueue = 10_000;

    /// <summary>Filters per entry, schedule or SetRequestPageFilters call.</summary>
    public const int FiltersPerRequest = 100;

    /// <summary>Options per entry, schedule or SetRequestPageFilters call.</summary>
    public const int OptionsPerRequest = 100;

    /// <summary>Characters of a filter field or option name.</summary>
    public const int NameLength = 100;

    /// <summary>Characters of a filter expression.</summary>
    public const int FilterExpressionLength = 2_000;

    /// <summary>Characters of an option value.</summary>
    public const int OptionValueLength = 2_000;

    /// <summary>Characters of a cron expression (all its lines).</summary>
    public const int CronLength = 1_000;

    /// <summary>Characters of a time zone id.</summary>
    public const int ZoneLength = 100;

    /// <summary>Characters of a date formula.</summary>
    public const int FormulaLength = 250;

    /// <summary>Characters of a ListJobs (or bulk filter) search text.</summary>
    public const int SearchText = 100;

    /// <summary>Entry ids per BulkUpdateJobs call.</summary>
    public const int JobsPerBulkUpdate = 1_000;

    /// <summary>Characters of input an error message quotes at most.</summary>
    public const int QuoteLength = 100;

    /// <summary>
    /// <paramref name="text"/> as an error message may quote it: whole up to <see cref="QuoteLength"/> characters,
    /// else its start and how long it was.
    /// </summary>
    public static string Quote(string? text)
    {
        text ??= string.Empty;
        return text.Length <= QuoteLength ? text : $"{text[..QuoteLength]}… ({text.Length} characters)";
    }

    /// <summary>Refuses more than <paramref name="limit"/> items in <paramref name="field"/>.</summary>
    /// <exception cref="JobValidationException">Too many.</exception>
    public static void CheckCount(int count, int limit, string field)
    {
        if (count > limit)
        {
            throw new JobValidationException(field, $"at most {limit} are allowed per request (got {count}).");
        }
    }

    /// <summary>Refuses a string longer than <paramref name="limit"/> characters in <paramref name="field"/>.</summary>
    /// <exception cref="JobValidationException">Too long.</exception>
    public static void CheckLength(string? text, int limit, string field)
    {
        if (text is not null && text.Length > limit)
        {
            throw new JobValidationException(field, $"must be at most {limit} characters (got {text.Length}).");
        }
    }

    /// <summary>The counts and string lengths of a request's filters and options, before they are parsed.</summary>
    /// <exception cref="JobValidationException">A limit is exceeded; the field names the item.</exception>
    public static void CheckParameters(
        IReadOnlyList<(string Field, string Expression)> filters, IReadOnlyList<(string Name, string Value)> options, string prefix = "")
    {
        CheckCount(filters.Count, FiltersPerRequest, prefix + "filters");
        CheckCount(options.Count, OptionsPerRequest, prefix + "options");
        for (var i = 0; i < filters.Count; i++)
        {
            CheckLength(filters[i].Field, NameLength, $"{prefix}filters[{i}].field");
            CheckLength(filters[i].Expression, FilterExpressionLength, $"{prefix}filters[{i}].expression");
        }

        for (var i = 0; i < options.Count; i++)
        {
            CheckLength(options[i].Name, NameLength, $"{prefix}options[{i}].name");
            CheckLength(options[i].Value, OptionValueLength, $"{prefix}options[{i}].value");
        }
    }
}
