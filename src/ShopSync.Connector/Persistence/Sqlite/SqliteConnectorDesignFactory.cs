using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
namespace ShopSync.Connector.Persistence.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the SQLite context without the host (the PostgreSQL one has its own).</summary>
internal sealed class SqliteConnectorDesignFactory : IDesignTimeDbContextFactory<ConnectorDbContext>
{
    public ConnectorDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ConnectorDbContext>();
        new SqliteConnectorDatabase("Data Source=design.db").Configure(options);
        return new ConnectorDbContext(options.Options);
    }
}
