namespace ShopSync.Queue.Recurrence;

/// <summary>
/// Maps local wall-clock readings of one zone to UTC instants with the schedule rules: a reading inside a
/// spring-forward gap becomes the first instant after the gap; a reading repeated by a fall-back becomes
/// its first occurrence. The mapping never decreases, which lets the grids search in wall-clock time.
/// </summary>
internal sealed class ZoneClock
{
    private static readonly TimeSpan SearchSpan = TimeSpan.FromHours(15);

    private readonly TimeZoneInfo _zone;
    private readonly bool _isUtc;

    public ZoneClock(TimeZoneInfo zone)
    {
        _zone = zone;
        _isUtc = zone == TimeZoneInfo.Utc || (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime
            && zone.GetAdjustmentRules().Length == 0);
    }

    public TimeZoneInfo Zone => _zone;

    /// <summary>The wall-clock reading (kind Unspecified) at <paramref name="instant"/>.</summary>
    public DateTime ToLocal(DateTimeOffset instant)
    {
        if (_isUtc)
        {
            return DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Unspecified);
        }

        return TimeZoneInfo.ConvertTime(instant, _zone).DateTime;
    }

    /// <summary>The UTC instant of the wall-clock reading <paramref name="local"/> under the schedule rules.</summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_isUtc)
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        if (_zone.IsInvalidTime(local))
        {
            return EndOfGap(local);
        }

        var offset = _zone.IsAmbiguousTime(local)
            ? _zone.GetAmbiguousTimeOffsets(local).Max()
            : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    // The first instant whose reading is past the skipped one: the moment the clocks jumped.
    private DateTimeOffset EndOfGap(DateTime local)
    {
        var low = local.Ticks - SearchSpan.Ticks;
        var high = local.Ticks + SearchSpan.Ticks;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (ToLocal(new DateTimeOffset(middle, TimeSpan.Zero)) > local)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return new DateTimeOffset(low, TimeSpan.Zero);
    }
}
