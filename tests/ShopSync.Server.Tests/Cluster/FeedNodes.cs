using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ShopSync.Queue.Storage;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;
using ShopSync.Testing.Postgres;

namespace ShopSync.Server.Tests.Cluster;

/// <summary>
/// Two in-process servers ("nodes") on one PostgreSQL database, each with its own SQLite file for what is not on
/// PostgreSQL yet. Node A's single slot is taken by a held run of its own, so work enqueued through A can only start
/// on B. The safety poll is 10 minutes: only the change feed can wake B within a test's deadline.
/// </summary>
internal sealed class FeedNodes : IAsyncDisposable
{
    private readonly string _database;
    private readonly TempDirectory _files;

    private FeedNodes(string database, TempDirectory files, InProcessServer a, InProcessServer b, string blocker)
    {
        _database = database;
        _files = files;
        A = a;
        B = b;
        Blocker = blocker;
    }

    public InProcessServer A { get; }

    public InProcessServer B { get; }

    /// <summary>The entry that holds node A's only slot.</summary>
    public string Blocker { get; }

    public static async Task<FeedNodes> StartAsync(string name, TimeSpan? feedPollInterval = null)
    {
        var database = await TestPostgres.CreateDatabaseAsync(name);
        var files = new TempDirectory("shopsync-feed-nodes");
        InProcessServer? a = null;
        try
        {
            a = await InProcessServer.StartAsync(settings: Settings(database, files.File("a.db"), "node-a", feedPollInterval));
            var blocker = await a.Api.EnqueueBackgroundAsync(Requests.Gated("BLOCK-A"));
            await a.Gate.WaitStartedAsync(blocker);
            var b = await InProcessServer.StartAsync(settings: Settings(database, files.File("b.db"), "node-b", feedPollInterval));
            var nodes = new FeedNodes(database, files, a, b, blocker);
            await nodes.WaitListeningAsync(b);
            await nodes.WaitListeningAsync(a);
            return nodes;
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

    /// <summary>Waits until the node's feed listens (asked in process: a health check of a down feed logs an error).</summary>
    public Task WaitListeningAsync(InProcessServer node) =>
        Eventually.TrueAsync(() => node.Services.GetRequiredService<IQueueFeed>().Health.Listening, "the change feed listens", TestTimeouts.Signal);

    public static async Task<global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus> FeedHealthAsync(InProcessServer node)
    {
        var client = new global::Grpc.Health.V1.Health.HealthClient(node.Api.Channel.Invoker);
        var reply = await client.CheckAsync(new global::Grpc.Health.V1.HealthCheckRequest { Service = "shopsync.v1.ChangeFeed" });
        return reply.Status;
    }

    /// <summary>Terminates the node's listener connection on the server side; returns how many backends were ended.</summary>
    public async Task<int> TerminateListenerAsync(string nodeId)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = "shopsync-feed " + nodeId });
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        await B.DisposeAsync();
        await A.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_database);
        _files.Dispose();
    }

    private static Dictionary<string, string?> Settings(string database, string sqliteFile, string node, TimeSpan? feedPollInterval)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:ShopSyncPostgres"] = database,
            ["Storage:DatabaseFile"] = null,
            ["ConnectionStrings:ShopSync"] = "Data Source=" + sqliteFile,
            ["Queue:NodeId"] = node,
            ["Queue:MaxConcurrency"] = "1",
            ["Queue:SafetyPollInterval"] = "00:10:00",
        };
        if (feedPollInterval is { } interval)
        {
            settings["Storage:Postgres:FeedPollInterval"] = interval.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        return settings;
    }
}
