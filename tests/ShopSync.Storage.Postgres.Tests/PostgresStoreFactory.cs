using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Conformance;
using ShopSync.Testing.Postgres;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>
/// One database per test class on the shared test cluster; each store handed out starts from empty tables. The
/// conformance suite moves time with the caller's clock, so these stores take lease times from it
/// (<see cref="PostgresStoreOptions.UseDatabaseClock"/> false); <see cref="PostgresDatabaseClockTests"/> covers the default.
/// </summary>
public sealed class PostgresStoreFactory : ISharedStoreFactory, IAsyncLifetime
{
    private readonly List<PostgresJobStore> _stores = [];

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync() => ConnectionString = await TestPostgres.CreateDatabaseAsync(nameof(PostgresStoreFactory));

    public async Task<IJobStore> CreateAsync(CancellationToken cancellationToken)
    {
        var store = Open(useDatabaseClock: false);
        await store.InitializeAsync(cancellationToken);
        await using (var connection = await store.DataSource.OpenConnectionAsync(cancellationToken))
        await using (var truncate = new NpgsqlCommand(
            "TRUNCATE queue_jobs, queue_job_events, queue_job_log, queue_categories, queue_nodes, audit_events RESTART IDENTITY; UPDATE queue_log_generation SET generation = 0", connection))
        {
            await truncate.ExecuteNonQueryAsync(cancellationToken);
        }

        return store;
    }

    public async Task<(IJobStore NodeA, IJobStore NodeB)> CreatePairAsync(CancellationToken cancellationToken)
    {
        var a = await CreateAsync(cancellationToken);
        var b = Open(useDatabaseClock: false);
        await b.InitializeAsync(cancellationToken);
        return (a, b);
    }

    /// <summary>A store on this class's database (not initialized).</summary>
    internal PostgresJobStore Open(bool useDatabaseClock)
    {
        var options = Options.Create(new PostgresStoreOptions { ConnectionString = ConnectionString, UseDatabaseClock = useDatabaseClock });
        var store = new PostgresJobStore(options, NullLogger<PostgresJobStore>.Instance, TimeProvider.System);
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        if (ConnectionString.Length > 0)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }
    }
}
