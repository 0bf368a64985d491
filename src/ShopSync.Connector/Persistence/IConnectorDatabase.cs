using Microsoft.EntityFrameworkCore;

namespace ShopSync.Connector.Persistence;

/// <summary>
/// The one seam between the connector and its database provider, chosen by the provider's registration
/// (<see cref="Sqlite.SqliteConnectorDatabase"/>, or the PostgreSQL one in ShopSync.Storage.Postgres). Everything
/// provider-specific of the connector sits behind it: the EF Core provider, where its migrations live, how timestamps
/// are stored, and how nodes sharing the database exclude each other.
/// </summary>
public interface IConnectorDatabase
{
    /// <summary>A short name for logs and errors (<c>sqlite</c>, <c>postgres</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Configures the provider on <paramref name="options"/>: the connection, the migrations assembly and history table
    /// (<see cref="ConnectorDbContext.MigrationsHistoryTable"/>), and the model's timestamp storage.
    /// </summary>
    void Configure(DbContextOptionsBuilder options);

    /// <summary>
    /// Brings the connector's tables up to date. On a database several nodes share, under a lock, so nodes starting at
    /// once migrate once.
    /// </summary>
    Task MigrateAsync(IDbContextFactory<ConnectorDbContext> contexts, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the lock <paramref name="name"/> for every node on this database until the result is disposed; a second
    /// holder waits. Used to make a check-then-act (e.g. coalescing a webhook into a pending sync) atomic across nodes.
    /// </summary>
    ValueTask<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken);
}
