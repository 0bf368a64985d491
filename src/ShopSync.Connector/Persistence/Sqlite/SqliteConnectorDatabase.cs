using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ShopSync.Queue.Storage;

namespace ShopSync.Connector.Persistence.Sqlite;

/// <summary>
/// The connector on SQLite: timestamps as UTC ticks (SQLite cannot compare DateTimeOffset), its migrations in this
/// class's assembly (so they move with this folder), and locks in the process, because one SQLite file has one node.
/// </summary>
public sealed class SqliteConnectorDatabase : IConnectorDatabase
{
    // Keyed by file and name: two service providers of one process on one file (tests, tools) share them.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly string _lockScope;

    /// <summary>The connector on the SQLite database of <paramref name="connectionString"/>.</summary>
    public SqliteConnectorDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        _lockScope = file is "" or ":memory:" || file.StartsWith("file:", StringComparison.Ordinal) ? file : Path.GetFullPath(file);
    }

    /// <inheritdoc />
    public string Name => "sqlite";

    /// <inheritdoc />
    public void Configure(DbContextOptionsBuilder options) =>
        options.UseSqlite(_connectionString, sqlite => sqlite
                .MigrationsHistoryTable(ConnectorDbContext.MigrationsHistoryTable)
                .MigrationsAssembly(typeof(SqliteConnectorDatabase).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, SqliteConnectorModelCustomizer>();

    /// <inheritdoc />
    /// <remarks>The server runs it under its SQLite migration guard (one file, one node).</remarks>
    public async Task MigrateAsync(IDbContextFactory<ConnectorDbContext> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await ProcessMigrationLock.RunAsync(() => db.Database.MigrateAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken)
    {
        var gate = Locks.GetOrAdd(_lockScope + "|" + name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
