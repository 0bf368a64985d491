using Npgsql;
using ShopSync.Queue.Scheduling;
using ShopSync.Storage.Conformance;
using ShopSync.Storage.Postgres.Schedules;
using ShopSync.Testing.Postgres;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>One database per test class; each pair of schedule stores handed out starts from empty tables.</summary>
public sealed class PostgresScheduleStoreFactory : IScheduleStoreFactory, IAsyncLifetime
{
    private readonly List<NpgsqlDataSource> _sources = [];

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync() => ConnectionString = await TestPostgres.CreateDatabaseAsync(nameof(PostgresScheduleStoreFactory));

    public async Task<(IScheduleStore NodeA, IScheduleStore NodeB)> CreateSchedulePairAsync(CancellationToken cancellationToken)
    {
        var a = Open();
        var b = Open();
        await a.InitializeAsync(cancellationToken);
        await b.InitializeAsync(cancellationToken);
        await using var connection = await _sources[0].OpenConnectionAsync(cancellationToken);
        await using var truncate = new NpgsqlCommand("TRUNCATE schedules, schedule_occurrences", connection);
        await truncate.ExecuteNonQueryAsync(cancellationToken);
        return (a, b);
    }

    /// <summary>A store with its own connections on this class's database (not initialized).</summary>
    internal PostgresScheduleStore Open()
    {
        var source = NpgsqlDataSource.Create(ConnectionString);
        lock (_sources)
        {
            _sources.Add(source);
        }

        return new PostgresScheduleStore(source);
    }

    public async Task DisposeAsync()
    {
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }

        if (ConnectionString.Length > 0)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }
    }
}
