using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ShopSync.Connector.Persistence;

namespace ShopSync.Storage.Postgres.Connector;

/// <summary>
/// Lets <c>dotnet ef migrations add X --project src/ShopSync.Storage.Postgres --context ConnectorDbContext
/// --output-dir Connector/Migrations</c> build the PostgreSQL context without the host or a server.
/// </summary>
internal sealed class PostgresConnectorDesignFactory : IDesignTimeDbContextFactory<ConnectorDbContext>
{
    public ConnectorDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ConnectorDbContext>();
        using var database = new PostgresConnectorDatabase("Host=localhost;Database=shopsync_design");
        database.Configure(options);
        return new ConnectorDbContext(options.Options);
    }
}
