using System.Globalization;

namespace ShopSync.Grpc.Protocol;

/// <summary>The <c>grpc-timeout</c> header: at most 8 ASCII digits followed by a unit (H M S m u n).</summary>
internal static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (string.IsNullOrEmpty(value) || value.Length < 2 || value.Length > 9)
        {
            return false;
        }
        var digits = value.AsSpan(0, value.Length - 1);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        var amount = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        var ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * 10,
            'n' => amount / 100,
            _ => -1L,
        };
        if (ticks < 0)
        {
            return false;
        }
        timeout = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Formats with the finest unit that keeps the value within 8 digits (rounded up, never zero).</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(timeout.Ticks, 0);
        var micros = (ticks + 9) / 10;
        if (micros <= MaxValue)
        {
            return Math.Max(micros, 1).ToString(CultureInfo.InvariantCulture) + "u";
        }
        var millis = (ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        if (millis <= MaxValue)
        {
            return millis.ToString(CultureInfo.InvariantCulture) + "m";
        }
        var seconds = (ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
        if (seconds <= MaxValue)
        {
            return seconds.ToString(CultureInfo.InvariantCulture) + "S";
        }
        var minutes = (ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute;
        if (minutes <= MaxValue)
        {
            return minutes.ToString(CultureInfo.InvariantCulture) + "M";
        }
        var hours = Math.Min((ticks + TimeSpan.TicksPerHour - 1) / TimeSpan.TicksPerHour, MaxValue);
        return hours.ToString(CultureInfo.InvariantCulture) + "H";
    }
}
