using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ShopSync.Connector.Persistence.Sqlite;

/// <summary>Stores every DateTimeOffset of the connector's model as UTC ticks, which SQLite sorts and compares as integers.</summary>
internal sealed class SqliteConnectorModelCustomizer(ModelCustomizerDependencies dependencies) : ModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        var converter = new UtcTicksConverter();
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if ((Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType) == typeof(DateTimeOffset) && property.GetValueConverter() is null)
            {
                property.SetValueConverter(converter);
            }
        }
    }
}
