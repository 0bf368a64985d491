using System.Globalization;

namespace ShopSync.Queue.Recurrence;

/// <summary>
/// One field of a unix cron expression, expanded to the explicit set of values it allows so that the
/// unix meaning (not a dialect's reading of it) is what reaches Quartz.
/// </summary>
internal sealed class CronField
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private CronField(string text, SortedSet<int> values)
    {
        Text = text;
        Values = values;
    }

    public string Text { get; }

    public SortedSet<int> Values { get; }

    /// <summary>Exactly <c>*</c>: the field does not restrict anything.</summary>
    public bool IsStar => Text == "*";

    /// <summary>Starts with <c>*</c> (e.g. <c>*/2</c>): classic cron treats such day fields as unrestricted.</summary>
    public bool StartsWithStar => Text.StartsWith('*');

    public static CronField? Parse(string text, string name, int min, int max, out string? error)
    {
        error = null;
        var values = new SortedSet<int>();
        foreach (var item in text.Split(','))
        {
            if (!AddItem(item, name, min, max, values, out error))
            {
                return null;
            }
        }

        return new CronField(text, values);
    }

    /// <summary>The values joined for Quartz, or <c>*</c>.</summary>
    public string ToQuartz(Func<int, int>? map = null)
    {
        if (IsStar)
        {
            return "*";
        }

        var mapped = map is null ? Values : new SortedSet<int>(Values.Select(map));
        return string.Join(',', mapped.Select(v => v.ToString(CultureInfo.InvariantCulture)));
    }

    private static bool AddItem(string item, string name, int min, int max, SortedSet<int> values, out string? error)
    {
        error = null;
        var range = item;
        var step = 1;
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            range = item[..slash];
            if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1 || step > max)
            {
                error = $"bad step in the {name} field: '{Entries.RequestLimits.Quote(item)}' (a step must be 1..{max})";
                return false;
            }
        }

        int low, high;
        if (range == "*")
        {
            (low, high) = (min, max);
        }
        else
        {
            var dash = range.IndexOf('-', StringComparison.Ordinal);
            if (!TryValue(dash < 0 ? range : range[..dash], name, min, max, out low, out error))
            {
                return false;
            }

            high = slash >= 0 && dash < 0 ? max : low;
            if (dash >= 0 && !TryValue(range[(dash + 1)..], name, min, max, out high, out error))
            {
                return false;
            }

            if (high < low)
            {
                error = $"range '{Entries.RequestLimits.Quote(range)}' in the {name} field runs backwards (unix cron does not wrap around)";
                return false;
            }
        }

        for (var value = low; value <= high; value += step)
        {
            values.Add(value);
        }

        return true;
    }

    private static bool TryValue(string text, string name, int min, int max, out int value, out string? error)
    {
        error = null;
        var names = name switch
        {
            "month" => MonthNames,
            "day-of-week" => DayNames,
            _ => null,
        };
        var index = names is null ? -1 : Array.IndexOf(names, text.ToUpperInvariant());
        if (index >= 0)
        {
            value = name == "month" ? index + 1 : index;
            return true;
        }

        if (text.Length > 0 && text.Length <= 2 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            if (value < min || value > max)
            {
                error = $"value {value} is out of range in the {name} field (allowed {min}-{max})";
                return false;
            }

            return true;
        }

        value = 0;
        error = $"unsupported value '{Entries.RequestLimits.Quote(text)}' in the {name} field (numbers {min}-{max}"
            + (names is null ? string.Empty : ", or names such as " + names[1])
            + "; Quartz extras such as L, W, # and ? are not unix cron)";
        return false;
    }
}
