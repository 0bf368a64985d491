namespace ShopSync.Storage.Codecs;

/// <summary>Times are stored as UTC ticks (INTEGER) so comparisons in SQL are integer comparisons.</summary>
internal static class TimeCodec
{
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    public static object ToDb(DateTimeOffset? value) => value.HasValue ? value.Value.UtcTicks : DBNull.Value;

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    public static DateTimeOffset? FromNullable(object value) => value is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}
