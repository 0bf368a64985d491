using Npgsql;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;
using ShopSync.Testing.Postgres;

namespace ShopSync.Server.Tests.Process;

/// <summary>The real binary with its job queue on PostgreSQL (<c>--postgres</c>), on the tests' shared cluster.</summary>
[Collection(RealServerCollection.Name)]
public sealed class PostgresServerTests
{
    [Fact]
    public async Task Start_OnPostgres_RunsEntriesEndToEndWithTheQueueInPostgres()
    {
        using var directory = new TempDirectory("shopsync-pg-server");
        var postgres = await TestPostgres.CreateDatabaseAsync(nameof(PostgresServerTests));
        try
        {
            string first;
            string failing;
            await using (var server = await ServerProcess.StartOnPostgresAsync(directory.Path, postgres, [.. RealServer.FastLeases, "--node-id", "node-pg1"]))
            {
                using var api = RealServer.Api(server);
                first = await api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 3, category: "PG"));
                failing = await api.EnqueueBackgroundAsync(Requests.Diagnostics(steps: 1, failAttempts: 1, maxAttempts: 2, category: "PG"));
                var done = await api.WaitForStatusAsync(first, JobStatus.Finished);
                var retried = await api.WaitForStatusAsync(failing, JobStatus.Finished);

                Assert.Equal(JobResult.Succeeded, done.LastResult);
                Assert.Equal(JobResult.Succeeded, retried.LastResult);
                Assert.Equal(2, retried.Attempts);
                var log = await api.LogEntriesAsync(first);
                Assert.Equal("node-pg1", Assert.Single(log).Node);
                var events = await api.WatchToEndAsync(first);
                Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
                Assert.Contains("ShopSync's data is on PostgreSQL", server.Output, StringComparison.Ordinal);
                await server.StopAsync();
                // Nothing is kept in a SQLite file: the working folder has none.
                Assert.Empty(Directory.GetFiles(directory.Path, "shopsync.db*"));
            }

            // The entries and the run log are PostgreSQL rows, not SQLite ones; the clean stop removed the node's heartbeat row.
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            Assert.Equal(2L, await ScalarAsync(connection, "SELECT COUNT(*) FROM queue_jobs WHERE status = 5"));
            Assert.Equal(3L, await ScalarAsync(connection, "SELECT COUNT(*) FROM queue_job_log WHERE node = 'node-pg1'"));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT COUNT(*) FROM queue_nodes"));

            // A restart on the same database finds them (the queue does not live in the SQLite file).
            await using var again = await ServerProcess.StartOnPostgresAsync(directory.Path, postgres, RealServer.FastLeases);
            using var api2 = RealServer.Api(again);
            Assert.Equal(JobStatus.Finished, (await api2.GetJobAsync(first)).Status);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(postgres);
        }
    }

    [Fact]
    public async Task ScheduleAndShopChanges_OnPostgres_SucceedAndTheirAuditRecordsAreInPostgres()
    {
        using var directory = new TempDirectory("shopsync-pg-audit");
        var postgres = await TestPostgres.CreateDatabaseAsync(nameof(PostgresServerTests) + "_audit");
        try
        {
            await using (var server = await ServerProcess.StartOnPostgresAsync(directory.Path, postgres, RealServer.FastLeases))
            {
                using var api = RealServer.Api(server);
                // Schedules and shops still live in the SQLite file; their audit records must go where the trail is.
                await api.CreateShopAsync("pgaudit");
                var schedules = new ShopSync.Server.Tests.Schedules.ScheduleCalls(api.Channel);
                var created = await schedules.CreateAsync(new ScheduleRecurringRequest
                {
                    ReportId = 90000,
                    CategoryCode = "PGA",
                    Schedule = new RecurringSchedule { Cron = new CronRecurrence { Expression = "0 * * * *" } },
                });
                Assert.NotEmpty(created.Schedule.Id);
                await server.StopAsync();
            }

            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM audit_events WHERE rpc LIKE '%/CreateShop' AND outcome = 1"));
            Assert.Equal(1L, await ScalarAsync(connection, "SELECT COUNT(*) FROM audit_events WHERE rpc LIKE '%/ScheduleRecurring' AND outcome = 1"));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(postgres);
        }
    }

    [Theory]
    [InlineData("--db", "x.db", "--postgres", "Host=127.0.0.1")]
    [InlineData("--postgres=Host=127.0.0.1", "--db=x.db", null, null)]
    public async Task Start_DbAndPostgresBoth_ExitsWithAUsageErrorNamingBoth(string a, string b, string? c, string? d)
    {
        using var directory = new TempDirectory("shopsync-pg-usage");
        var info = new System.Diagnostics.ProcessStartInfo(ServerProcess.BinaryPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory.Path,
        };
        foreach (var arg in new[] { a, b, c, d }.OfType<string>())
        {
            info.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TestTimeouts.Signal);
        await process.WaitForExitAsync(deadline.Token);
        await stdout;

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--db", line, StringComparison.Ordinal);
        Assert.Contains("--postgres", line, StringComparison.Ordinal);
        Assert.False(File.Exists(directory.File("x.db")));
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
