using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ShopSync.Storage.Postgres.Connector;

/// <summary>
/// Stores every DateTimeOffset of the connector's model as <c>timestamptz</c>, normalised to UTC on the way in: Npgsql
/// writes only offset-0 values to timestamptz, and Shopify's timestamps carry the store's offset.
/// </summary>
internal sealed class PostgresConnectorModelCustomizer(ModelCustomizerDependencies dependencies) : ModelCustomizer(dependencies)
{
    private static readonly ValueConverter<DateTimeOffset, DateTimeOffset> ToUtc = new(v => v.ToUniversalTime(), v => v);

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(DateTimeOffset))
            {
                property.SetValueConverter(ToUtc);
                property.SetColumnType("timestamp with time zone");
            }
        }
    }
}
