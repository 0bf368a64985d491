using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ShopSync.Connector.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the context without the host.</summary>
internal sealed class ConnectorDbContextDesignFactory : IDesignTimeDbContextFactory<ConnectorDbContext>
{
    public ConnectorDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<ConnectorDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(ConnectorDbContext.MigrationsHistoryTable))
            .Options);
}
