using Microsoft.Data.Sqlite;
using Npgsql;
using ShopSync.Connector.Sync;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;
using ShopSync.Testing.Grpc;
using ShopSync.Testing.Postgres;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ShopSync.Server.Tests.Process;

/// <summary>The real binary with <c>--postgres --demo</c>: the connector's data (the demo shop too) lives in PostgreSQL.</summary>
[Collection(RealServerCollection.Name)]
public sealed class PostgresConnectorServerTests
{
    private static readonly ServiceDescriptor JobQueue = JobQueueReflection.Descriptor.FindTypeByName<ServiceDescriptor>("JobQueueService");
    private static readonly ServiceDescriptor SyncStatus = SyncStatusReflection.Descriptor.FindTypeByName<ServiceDescriptor>("SyncStatusService");

    [Fact]
    public async Task DemoSyncOrdersThenCreateSalesOrders_OnPostgres_ConnectorRowsInPostgresNoneInTheSqliteFile()
    {
        using var directory = new TempDirectory("shopsync-pg-connector");
        var postgres = await TestPostgres.CreateDatabaseAsync(nameof(PostgresConnectorServerTests));
        try
        {
            await using (var server = await ServerProcess.StartOnPostgresAsync(directory.Path, postgres, [.. RealServer.FastLeases, "--demo"]))
            {
                using var channel = server.CreateChannel();
                var sync = await RunForegroundAsync(channel, SyncReportIds.SyncOrders);
                var create = await RunForegroundAsync(channel, SyncReportIds.CreateSalesOrders);
                var status = await channel.UnaryAsync<GetSyncStatusRequest, GetSyncStatusResponse>(
                    SyncStatus.FindMethodByName("GetSyncStatus"), new GetSyncStatusRequest { ShopCode = "demo" });

                Assert.Equal(JobResult.Succeeded, sync[^1].Completed.Result);
                Assert.True(sync[^1].Completed.Counters.Done >= 60);
                Assert.Equal(JobResult.Succeeded, create[^1].Completed.Result);
                Assert.Equal("demo", Assert.Single(status.Shops).ShopCode);
                await server.StopAsync();
            }

            await using (var connection = new NpgsqlConnection(postgres))
            {
                await connection.OpenAsync();
                Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM shops WHERE \"Code\" = 'demo'"));
                Assert.True(await ScalarAsync(connection, "SELECT COUNT(*) FROM sync_orders") >= 60);
                var documents = await ScalarAsync(connection, "SELECT COUNT(*) FROM erp_sales_documents");
                Assert.True(documents > 0);
                // Every document has its own number (the series' row is the guard).
                Assert.Equal(documents, await ScalarAsync(connection, "SELECT COUNT(DISTINCT \"No\") FROM erp_sales_documents"));
                Assert.True(await ScalarAsync(connection, "SELECT COUNT(*) FROM shopify_api_calls") > 0);
                Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM shopify_cost_budgets WHERE calibrated"));
            }

            await using (var sqlite = new SqliteConnection($"Data Source={directory.File("shopsync.db")};Pooling=false"))
            {
                await sqlite.OpenAsync();
                await using var command = sqlite.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('shops', 'sync_orders', '__connector_migrations')";
                Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
            }
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(postgres);
        }
    }

    private static async Task<List<JobEvent>> RunForegroundAsync(TestChannel channel, int reportId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var call = channel.ServerStreaming<EnqueueJobRequest, EnqueueJobResponse>(
            JobQueue.FindMethodByName("EnqueueJob"),
            new EnqueueJobRequest { ShopCode = "demo", ReportId = reportId, Mode = RunMode.Auto },
            new TestCallOptions { CancellationToken = timeout.Token });
        var events = new List<JobEvent>();
        await foreach (var response in call.WithCancellation(timeout.Token))
        {
            events.Add(response.Event);
        }

        Assert.Equal(JobEvent.KindOneofCase.Completed, events[^1].KindCase);
        return events;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
