using System.Collections.Concurrent;
using Quartz;

namespace ShopSync.Queue.Recurrence;

/// <summary>
/// Parsed zones, formulas and cron expressions, cached by their text: thousands of entries share a handful of
/// distinct schedules, and the calculator must stay in microseconds.
/// </summary>
internal static class ScheduleParts
{
    // Bounded by size, not only by count: at most MaxCached keys of at most MaxCachedKeyLength characters each.
    // Longer texts are parsed each time (the validators refuse them before that anyway).
    private const int MaxCached = 4_096;
    private const int MaxCachedKeyLength = 1_000;

    private static readonly ConcurrentDictionary<string, ZoneClock?> Zones = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (DateFormula? Formula, string? Error)> Formulas = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (IReadOnlyList<CronExpression>? Expressions, string? Error)> Crons = new(StringComparer.Ordinal);

    /// <summary>The clock of an IANA zone id (empty = UTC), or null when the id is unknown.</summary>
    public static ZoneClock? FindZone(string? id)
    {
        var key = string.IsNullOrWhiteSpace(id) ? "UTC" : id.Trim();
        return Cached(Zones, key, static k =>
        {
            try
            {
                return new ZoneClock(k == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(k));
            }
            catch (TimeZoneNotFoundException)
            {
                return null;
            }
            catch (InvalidTimeZoneException)
            {
                return null;
            }
        });
    }

    /// <summary>The parsed formula, or null with an error naming the offending part.</summary>
    public static DateFormula? ParseFormula(string? text, out string? error)
    {
        var (formula, message) = Cached(Formulas, text ?? string.Empty, static t =>
        {
            var parsed = DateFormula.TryParse(t, out var parseError);
            if (parsed is null)
            {
                return (null, parseError);
            }

            if (parsed.FindNonAdvancingDate() is { } stuck)
            {
                return (null, $"date formula '{t}' does not move the date forward: from {stuck.From:yyyy-MM-dd} it gives {stuck.To:yyyy-MM-dd}; a recurring formula must always give a later date");
            }

            return (parsed, null);
        });
        error = message;
        return formula;
    }

    /// <summary>The Quartz expressions of a unix cron expression, or null with an error.</summary>
    public static IReadOnlyList<CronExpression>? ParseCron(string? text, out string? error)
    {
        var (expressions, message) = Cached(Crons, text ?? string.Empty, static t =>
        {
            var translated = UnixCronTranslator.Translate(t, out var translateError);
            return (translated, translateError);
        });
        error = message;
        return expressions;
    }

    private static TValue Cached<TValue>(ConcurrentDictionary<string, TValue> cache, string key, Func<string, TValue> create)
    {
        if (cache.TryGetValue(key, out var value))
        {
            return value;
        }

        if (key.Length > MaxCachedKeyLength)
        {
            return create(key);
        }

        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(key, create);
    }
}
