using System.Text.Json;
using ShopSync.Contracts.V1;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Process;

/// <summary>The real binary applies SQLite's process-wide settings before its first connection (SqliteProcessSettings).</summary>
[Collection(RealServerCollection.Name)]
public sealed class SqliteProcessSettingsTests
{
    [Fact]
    public async Task Server_TurnsSqliteMemoryStatisticsOffBeforeItsFirstConnection_AndStillRunsEntries()
    {
        using var directory = new TempDirectory("shopsync-sqlite-settings");
        await using var server = await RealServer.StartAsync(directory.File("shopsync.db"), "--log-format", "json");
        using var api = RealServer.Api(server);
        var jobId = await api.EnqueueBackgroundAsync(Infrastructure.Requests.Diagnostics());
        await api.WaitForStatusAsync(jobId, JobStatus.Finished);
        await server.StopAsync();

        var ready = server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Single(e => e.GetProperty("EventId").GetInt32() == 2001);
        Assert.Equal("off", ready.GetProperty("State").GetProperty("MemoryStatistics").GetString());
    }
}
