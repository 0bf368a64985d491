using Quartz;

namespace ShopSync.Queue.Recurrence;

/// <summary>
/// Translates unix cron (5 fields, or 6 with seconds first) into one or two Quartz expressions whose union is
/// the unix schedule. Quartz evaluates them in UTC on local wall-clock readings; the calculator maps wall
/// clock to instants itself so that every form follows the same daylight-saving rules.
/// </summary>
internal static class UnixCronTranslator
{
    private static readonly Dictionary<string, string> Macros = new(StringComparer.OrdinalIgnoreCase)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    };

    public static IReadOnlyList<CronExpression>? Translate(string? expression, out string? error)
    {
        error = null;
        var text = (expression ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            error = "a cron expression is required, e.g. '*/15 * * * *'";
            return null;
        }

        if (text.StartsWith('@'))
        {
            if (!Macros.TryGetValue(text, out var expanded))
            {
                error = $"unknown cron macro '{text}'";
                return null;
            }

            text = expanded;
        }

        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is not (5 or 6))
        {
            error = $"expected 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), got {parts.Length}";
            return null;
        }

        var offset = parts.Length - 5;
        var seconds = offset == 1 ? CronField.Parse(parts[0], "seconds", 0, 59, out error) : null;
        if (offset == 1 && seconds is null)
        {
            return null;
        }

        var minute = CronField.Parse(parts[offset], "minute", 0, 59, out error);
        var hour = minute is null ? null : CronField.Parse(parts[offset + 1], "hour", 0, 23, out error);
        var dom = hour is null ? null : CronField.Parse(parts[offset + 2], "day-of-month", 1, 31, out error);
        var month = dom is null ? null : CronField.Parse(parts[offset + 3], "month", 1, 12, out error);
        var dow = month is null ? null : CronField.Parse(parts[offset + 4], "day-of-week", 0, 7, out error);
        if (minute is null || hour is null || dom is null || month is null || dow is null)
        {
            return null;
        }

        var head = $"{seconds?.ToQuartz() ?? "0"} {minute.ToQuartz()} {hour.ToQuartz()}";
        var monthText = month.ToQuartz();
        // Unix numbers Sunday 0 (or 7), Quartz 1.
        var dowText = dow.IsStar ? "*" : dow.ToQuartz(v => (v % 7) + 1);
        var quartz = new List<string>();
        if (dom.IsStar || dow.IsStar)
        {
            quartz.Add(dow.IsStar
                ? $"{head} {dom.ToQuartz()} {monthText} ?"
                : $"{head} ? {monthText} {dowText}");
        }
        else if (dom.StartsWithStar || dow.StartsWithStar)
        {
            error = $"day-of-month '{dom.Text}' and day-of-week '{dow.Text}' are both restricted and one starts with '*': "
                + "cron implementations disagree on whether such days must match both or either; restrict only one of them";
            return null;
        }
        else
        {
            // Unix cron: when both day fields are restricted a day matches if EITHER matches; Quartz cannot say
            // that in one expression, so the schedule is the union of a day-of-month and a day-of-week expression.
            quartz.Add($"{head} {dom.ToQuartz()} {monthText} ?");
            quartz.Add($"{head} ? {monthText} {dowText}");
        }

        var expressions = new List<CronExpression>();
        foreach (var q in quartz)
        {
            try
            {
                expressions.Add(new CronExpression(q, TimeZoneInfo.Utc));
            }
            catch (FormatException ex)
            {
                error = $"Quartz rejected '{q}' (translated from '{expression}'): {ex.Message}";
                return null;
            }
        }

        if (expressions.All(e => e.GetNextValidTimeAfter(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)) is null))
        {
            error = $"cron expression '{expression}' never matches a date (e.g. 30 February)";
            return null;
        }

        return expressions;
    }
}
