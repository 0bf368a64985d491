using System.Globalization;
using ShopSync.Queue.Recurrence;

namespace ShopSync.Queue.Tests.Recurrence;

/// <summary>A random schedule together with the oracle predicate built from the same random choices.</summary>
internal sealed record RandomScheduleCase(string Description, RecurrenceSchedule Schedule, Func<DateTime, bool> Matches, int HorizonDays)
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private static readonly int[] Steps = [1, 5, 7, 15, 30, 45, 60, 90, 120, 360, 1440, 0];

    public static RandomScheduleCase Weekly(Random random, string zone)
    {
        var days = new bool[7];
        while (!days.Any(d => d))
        {
            for (var i = 0; i < 7; i++)
            {
                days[i] = random.Next(3) == 0;
            }
        }

        int? start = random.Next(5) == 0 ? null : RandomMinuteOfDay(random);
        int? end = random.Next(5) == 0 ? null : RandomMinuteOfDay(random);
        if (end == (start ?? 0))
        {
            end = null;
        }

        var step = random.Next(4) == 0 ? random.Next(1, 1441) : Steps[random.Next(Steps.Length)];
        var flags = RecurrenceWeekdays.None;
        for (var i = 0; i < 7; i++)
        {
            flags |= days[i] ? ((DayOfWeek)i).ToFlag() : RecurrenceWeekdays.None;
        }

        var schedule = new RecurrenceSchedule
        {
            TimeZone = zone,
            Form = new WeeklyForm(flags, start is { } s ? TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(s)) : null,
                end is { } e ? TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(e)) : null, step),
        };
        var minutes = step == 0 ? 1440 : step;
        var openMinute = start ?? 0;
        var length = end is not { } endMinute ? 1440 - openMinute
            : endMinute > openMinute ? endMinute - openMinute
            : 1440 - openMinute + endMinute;

        bool Matches(DateTime reading)
        {
            for (var day = reading.Date.AddDays(-1); day <= reading.Date; day = day.AddDays(1))
            {
                var sinceOpen = (reading - day.AddMinutes(openMinute)).TotalMinutes;
                if (days[(int)day.DayOfWeek] && sinceOpen >= 0 && sinceOpen < length && sinceOpen % minutes == 0)
                {
                    return true;
                }
            }

            return false;
        }

        var description = $"weekly {flags} {start}-{end} every {step} in {zone}";
        return new RandomScheduleCase(description, schedule, Matches, 9);
    }

    public static RandomScheduleCase Cron(Random random, string zone)
    {
        var (minuteText, minutes) = Field(random, 0, 59, null, 60);
        var (hourText, hours) = Field(random, 0, 23, null, 24);
        var (domText, dom) = random.Next(2) == 0 ? ("*", All(1, 31, 32)) : Field(random, 1, 31, null, 32);
        var (monthText, months) = random.Next(3) != 0 ? ("*", All(1, 12, 13)) : Field(random, 1, 12, MonthNames, 13, nameBase: 1);
        var (dowText, dowRaw) = random.Next(2) == 0 ? ("*", All(0, 7, 8)) : Field(random, 0, 7, DayNames, 8);
        if (domText.StartsWith('*') && domText != "*" && dowText != "*")
        {
            (domText, dom) = ("*", All(1, 31, 32));
        }

        if (dowText.StartsWith('*') && dowText != "*" && domText != "*")
        {
            (dowText, dowRaw) = ("*", All(0, 7, 8));
        }

        var dow = new bool[7];
        for (var i = 0; i < 8; i++)
        {
            dow[i % 7] |= dowRaw[i];
        }

        var either = !domText.StartsWith('*') && !dowText.StartsWith('*');
        bool Matches(DateTime reading)
        {
            if (!minutes[reading.Minute] || !hours[reading.Hour] || !months[reading.Month])
            {
                return false;
            }

            return either
                ? dom[reading.Day] || dow[(int)reading.DayOfWeek]
                : dom[reading.Day] && dow[(int)reading.DayOfWeek];
        }

        var expression = $"{minuteText} {hourText} {domText} {monthText} {dowText}";
        var schedule = new RecurrenceSchedule { TimeZone = zone, Form = new CronForm(expression) };
        return new RandomScheduleCase($"cron '{expression}' in {zone}", schedule, Matches, 400);
    }

    private static int RandomMinuteOfDay(Random random) =>
        random.Next(3) == 0 ? random.Next(1440) : random.Next(48) * 30;

    private static bool[] All(int min, int max, int size)
    {
        var set = new bool[size];
        for (var i = min; i <= max; i++)
        {
            set[i] = true;
        }

        return set;
    }

    private static (string Text, bool[] Set) Field(Random random, int min, int max, string[]? names, int size, int nameBase = 0)
    {
        var set = new bool[size];
        string Name(int value) => names is not null && random.Next(3) == 0 && value - nameBase < names.Length
            ? names[value - nameBase]
            : value.ToString(CultureInfo.InvariantCulture);

        switch (random.Next(6))
        {
            case 0:
                return ("*", All(min, max, size));
            case 1:
            {
                var step = random.Next(2, Math.Max(3, (max - min) / 2));
                for (var v = min; v <= max; v += step)
                {
                    set[v] = true;
                }

                return ($"*/{step}", set);
            }

            case 2:
            {
                var low = random.Next(min, max + 1);
                var high = random.Next(low, max + 1);
                var step = random.Next(1, 4);
                for (var v = low; v <= high; v += step)
                {
                    set[v] = true;
                }

                return (step == 1 ? $"{Name(low)}-{Name(high)}" : $"{low}-{high}/{step}", set);
            }

            default:
            {
                var values = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(min, max + 1)).Distinct().ToArray();
                foreach (var v in values)
                {
                    set[v] = true;
                }

                return (string.Join(',', values.Select(Name)), set);
            }
        }
    }
}
