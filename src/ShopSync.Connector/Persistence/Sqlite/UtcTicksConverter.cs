using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ShopSync.Connector.Persistence.Sqlite;

/// <summary>SQLite cannot order or compare DateTimeOffset; UTC ticks sort and compare as integers.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
