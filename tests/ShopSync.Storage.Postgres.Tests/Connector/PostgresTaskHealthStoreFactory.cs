using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ShopSync.Queue.Health;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Conformance.Health;
using ShopSync.Testing.Postgres;

namespace ShopSync.Storage.Postgres.Tests.Connector;

/// <summary>
/// The PostgreSQL job store and task-health reader as the server registers them, on one database per class whose tables
/// are emptied per store. Lease times come from the caller's clock, as in <see cref="PostgresStoreFactory"/>.
/// </summary>
public sealed class PostgresTaskHealthStoreFactory : ITaskHealthStoreFactory, IAsyncLifetime
{
    private readonly List<ServiceProvider> _providers = [];
    private string _connectionString = "";

    public async Task InitializeAsync() => _connectionString = await TestPostgres.CreateDatabaseAsync(nameof(PostgresTaskHealthStoreFactory));

    public async Task<(IJobStore Store, ITaskHealthReader Reader)> CreateAsync(CancellationToken cancellationToken)
    {
        var provider = new ServiceCollection().AddLogging()
            .AddShopSyncPostgresStore(_connectionString, o => o.UseDatabaseClock = false)
            .BuildServiceProvider();
        lock (_providers)
        {
            _providers.Add(provider);
        }

        var store = provider.GetRequiredService<IJobStore>();
        await store.InitializeAsync(cancellationToken);
        await using (var connection = new NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var truncate = new NpgsqlCommand(
                "TRUNCATE queue_jobs, queue_job_events, queue_job_log, queue_categories, queue_nodes, audit_events RESTART IDENTITY; UPDATE queue_log_generation SET generation = 0", connection);
            await truncate.ExecuteNonQueryAsync(cancellationToken);
        }

        return (store, provider.GetRequiredService<ITaskHealthReader>());
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        if (_connectionString.Length > 0)
        {
            await TestPostgres.DropDatabaseAsync(_connectionString);
        }
    }
}
