using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using ShopSync.Connector.Persistence;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Postgres.Migrations;

namespace ShopSync.Storage.Postgres.Connector;

/// <summary>
/// The connector on PostgreSQL: Npgsql's EF Core provider, timestamps as <c>timestamptz</c>, the migrations of this
/// assembly (Connector/Migrations) applied under the queue's advisory lock, and locks that hold across every node on
/// the database (transaction-scoped advisory locks).
/// </summary>
public sealed class PostgresConnectorDatabase : IConnectorDatabase, IDisposable
{
    private readonly string _connectionString;
    private readonly NpgsqlDataSource _locks;

    // The callers of this node queue here first, so a burst holds one connection per lock name, not one per caller.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new(StringComparer.Ordinal);

    /// <summary>The connector on the PostgreSQL database of <paramref name="connectionString"/> (an Npgsql connection string).</summary>
    public PostgresConnectorDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = connectionString;
        _locks = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc />
    public string Name => "postgres";

    /// <inheritdoc />
    public void Configure(DbContextOptionsBuilder options) =>
        options.UseNpgsql(_connectionString, npgsql => npgsql
                .MigrationsHistoryTable(ConnectorDbContext.MigrationsHistoryTable)
                .MigrationsAssembly(typeof(PostgresConnectorDatabase).Assembly.GetName().Name))
            .ReplaceService<IModelCustomizer, PostgresConnectorModelCustomizer>();

    /// <inheritdoc />
    /// <remarks>
    /// Under the session advisory lock the queue's migrations take (<see cref="PostgresMigrator.LockKey"/>): of several
    /// nodes starting at once, the first migrates and the others wait, then find every migration applied.
    /// </remarks>
    public async Task MigrateAsync(IDbContextFactory<ConnectorDbContext> contexts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        await using var connection = await _locks.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({PostgresMigrator.LockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            // The history table first (EF Core's own script): on a new database the provider would read the history
            // before creating it, and log that failed read as an error.
            var history = db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript();
            await db.Database.ExecuteSqlRawAsync(history, cancellationToken).ConfigureAwait(false);
            await ProcessMigrationLock.RunAsync(() => db.Database.MigrateAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Released explicitly: the pooled connection outlives this call.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({PostgresMigrator.LockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// A transaction-scoped advisory lock on a connection of its own: released at disposal, and by the server when the
    /// connection or the node dies, so a crashed node never keeps it.
    /// </remarks>
    public async ValueTask<IAsyncDisposable> LockAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var local = _local.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await local.WaitAsync(cancellationToken).ConfigureAwait(false);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _locks.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, transaction))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = "shopsync:" + name });
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new HeldLock(connection, transaction, local);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            local.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _locks.Dispose();

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class HeldLock(NpgsqlConnection connection, NpgsqlTransaction transaction, SemaphoreSlim local) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                // Ending the transaction releases the advisory lock; a broken connection releases it on the server.
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // The connection is gone, and the lock with it.
            }
            finally
            {
                await transaction.DisposeAsync().ConfigureAwait(false);
                await connection.DisposeAsync().ConfigureAwait(false);
                local.Release();
            }
        }
    }
}
