using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using ShopSync.Queue.Dispatching;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// Records this node in <c>queue_nodes</c> and refreshes its heartbeat on the database clock; removes it on a clean
/// stop. Recovery does not depend on it (a lapsed lease is what any node recovers); it tells operators which nodes
/// share the queue (<c>SELECT * FROM queue_nodes</c>) and when each was last seen.
/// </summary>
internal sealed partial class PostgresNodeHeartbeat(
    PostgresJobStore store, NodeIdentity node, IOptions<PostgresStoreOptions> options, TimeProvider time, ILogger<PostgresNodeHeartbeat> logger)
    : BackgroundService
{
    private const string BeatSql =
        "INSERT INTO queue_nodes (node_id, started_at, heartbeat_at) VALUES ($1, clock_timestamp(), clock_timestamp()) " +
        "ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = clock_timestamp()";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.InitializeAsync(stoppingToken).ConfigureAwait(false);
                await BeatAsync(BeatSql, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or Queue.Errors.StorageUnavailableException)
            {
                LogHeartbeatFailed(logger, node.Id, ex.Message);
            }

            try
            {
                await Task.Delay(options.Value.HeartbeatInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await BeatAsync("DELETE FROM queue_nodes WHERE node_id = $1", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException)
        {
            LogHeartbeatFailed(logger, node.Id, ex.Message);
        }
    }

    private async Task BeatAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await Pg.Command(connection, null, sql, node.Id).ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 2103, EventName = "PostgresHeartbeatFailed", Level = LogLevel.Warning, Message = "Node {Node} could not record its heartbeat: {Reason}")]
    private static partial void LogHeartbeatFailed(ILogger logger, string node, string reason);
}
