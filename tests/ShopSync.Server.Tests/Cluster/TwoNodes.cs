using Npgsql;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;
using ShopSync.Testing.Postgres;

namespace ShopSync.Server.Tests.Cluster;

/// <summary>Two nodes on one fresh database, each with its own SQLite file (the connector's data until it moves too).</summary>
internal sealed class TwoNodes : IAsyncDisposable
{
    private readonly string _database;
    private readonly TempDirectory _files;

    private TwoNodes(string database, TempDirectory files, InProcessServer a, InProcessServer b)
    {
        _database = database;
        _files = files;
        A = a;
        B = b;
    }

    public InProcessServer A { get; }

    public InProcessServer B { get; }

    /// <summary>Node A's SQLite file.</summary>
    public string FileA => _files.File("a.db");

    public static async Task<TwoNodes> StartAsync(string name, Dictionary<string, string?> extra)
    {
        var database = await TestPostgres.CreateDatabaseAsync(name);
        var files = new TempDirectory("shopsync-shared-state");
        InProcessServer? a = null;
        try
        {
            a = await InProcessServer.StartAsync(settings: Settings(database, files.File("a.db"), "node-a", extra));
            var b = await InProcessServer.StartAsync(settings: Settings(database, files.File("b.db"), "node-b", extra));
            return new TwoNodes(database, files, a, b);
        }
        catch
        {
            if (a is not null)
            {
                await a.DisposeAsync();
            }
            await TestPostgres.DropDatabaseAsync(database);
            files.Dispose();
            throw;
        }
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_database);
        _files.Dispose();
    }

    private static Dictionary<string, string?> Settings(string database, string sqliteFile, string node, Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ShopSyncPostgres"] = database,
            ["Storage:DatabaseFile"] = null,
            ["ConnectionStrings:ShopSync"] = "Data Source=" + sqliteFile,
            ["Queue:NodeId"] = node,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }
}
