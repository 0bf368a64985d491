namespace ShopSync.Queue.Tests.Recurrence;

/// <summary>
/// An independent reference for the calculator: it walks local wall-clock minutes one by one, asks a plain
/// predicate whether a reading is scheduled, and resolves readings to instants with nothing but
/// <see cref="TimeZoneInfo"/>. It shares no code with ShopSync.Queue.Recurrence.
/// </summary>
internal static class BruteForceOracle
{
    private static readonly int[] ProbeHours = [-36, -12, 0, 12, 36];

    /// <summary>The earliest instant strictly after <paramref name="after"/> of a matching reading within <paramref name="days"/> local days.</summary>
    public static DateTimeOffset? Next(TimeZoneInfo zone, Func<DateTime, bool> matches, DateTimeOffset after, int days)
    {
        var localAfter = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        var first = new DateTime(localAfter.Year, localAfter.Month, localAfter.Day, localAfter.Hour, localAfter.Minute, 0).AddHours(-3);
        var last = localAfter.AddDays(days);
        DateTimeOffset? best = null;
        DateTime? bestReading = null;
        for (var reading = first; reading < last; reading = reading.AddMinutes(1))
        {
            // Readings more than three hours past the first hit cannot resolve earlier than it.
            if (bestReading is { } hit && reading > hit.AddHours(3))
            {
                break;
            }

            if (!matches(reading))
            {
                continue;
            }

            var instant = Resolve(zone, reading);
            if (instant > after && (best is null || instant < best))
            {
                best = instant;
                bestReading ??= reading;
            }
        }

        return best;
    }

    /// <summary>The earliest instant that reads <paramref name="local"/>; inside a gap, the first instant that reads later.</summary>
    public static DateTimeOffset Resolve(TimeZoneInfo zone, DateTime local)
    {
        DateTimeOffset? earliest = null;
        foreach (var hours in ProbeHours)
        {
            var offset = zone.GetUtcOffset(DateTime.SpecifyKind(local.AddHours(hours), DateTimeKind.Unspecified));
            var candidate = new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
            if (TimeZoneInfo.ConvertTime(candidate, zone).DateTime == local && (earliest is null || candidate < earliest))
            {
                earliest = candidate;
            }
        }

        if (earliest is { } found)
        {
            return found;
        }

        for (var instant = new DateTimeOffset(local.Ticks, TimeSpan.Zero).AddHours(-15); ; instant = instant.AddMinutes(1))
        {
            if (TimeZoneInfo.ConvertTime(instant, zone).DateTime > local)
            {
                return instant;
            }
        }
    }
}
