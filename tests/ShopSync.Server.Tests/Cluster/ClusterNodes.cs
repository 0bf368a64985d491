using Npgsql;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Server.Tests.Process;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Cluster;

/// <summary>Real server processes on one PostgreSQL database, each with a working folder of its own.</summary>
internal sealed class ClusterNodes(string database, TempDirectory folders) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ClusterNode> _nodes = [];

    public string Database { get; } = database;

    /// <summary>Starts a node; <paramref name="folderName"/> names its working folder (a restart passes the old node's).</summary>
    public async Task<ClusterNode> StartAsync(string nodeId, string? folderName = null)
    {
        var folder = folders.File(folderName ?? nodeId);
        Directory.CreateDirectory(folder);
        var server = await ServerProcess.StartOnPostgresAsync(folder, Database, [.. RealServer.FastLeases, "--node-id", nodeId]);
        var node = new ClusterNode(nodeId, server, RealServer.Api(server));
        lock (_gate)
        {
            _nodes.Add(node);
        }

        return node;
    }

    /// <summary>Every node started so far.</summary>
    public IReadOnlyList<ClusterNode> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _nodes];
            }
        }
    }

    /// <summary>A node that answers calls now (not killed, not paused).</summary>
    public ClusterNode? PickUsable(Random random)
    {
        lock (_gate)
        {
            var usable = _nodes.Where(n => n.Usable).ToList();
            return usable.Count == 0 ? null : usable[random.Next(usable.Count)];
        }
    }

    /// <summary>The node with this id.</summary>
    public ClusterNode PickNode(string nodeId)
    {
        lock (_gate)
        {
            return _nodes.Single(n => n.Id == nodeId);
        }
    }

    /// <summary>The (entry, fencing token) of every run the node holds right now.</summary>
    public async Task<List<(Guid JobId, long Token)>> RunsOfAsync(string nodeId)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, fencing_token FROM queue_jobs WHERE status = 4 AND lease_owner = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = nodeId });
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<(Guid, long)>();
        while (await reader.ReadAsync())
        {
            runs.Add((reader.GetGuid(0), reader.GetInt64(1)));
        }

        return runs;
    }

    /// <summary>Waits until the node holds at least one run; returns them.</summary>
    public async Task<List<(Guid JobId, long Token)>> WaitForRunsAsync(string nodeId) =>
        await Eventually.ReturnsAsync(() => RunsOfAsync(nodeId), runs => runs.Count > 0, $"{nodeId} runs something", TestTimeouts.Signal);

    public async Task<long> ScalarAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task SignalAsync(ClusterNode node, string signal)
    {
        using var kill = System.Diagnostics.Process.Start("kill", [signal, node.Server.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        List<ClusterNode> nodes;
        lock (_gate)
        {
            nodes = [.. _nodes];
        }

        foreach (var node in nodes)
        {
            if (node.Paused)
            {
                await SignalAsync(node, "-CONT");
            }

            node.Api.Dispose();
            await node.Server.DisposeAsync();
        }
    }
}
