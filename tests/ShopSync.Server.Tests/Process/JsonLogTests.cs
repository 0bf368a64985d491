using System.Text.Json;
using ShopSync.Contracts.V1;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Process;

/// <summary>The real binary's <c>--log-format json</c>: one JSON object per line, runs logged with their scope.</summary>
[Collection(RealServerCollection.Name)]
public sealed class JsonLogTests
{
    [Fact]
    public async Task LogFormatJson_EveryLineParsesAndRunLinesCarryTheRunScope()
    {
        using var directory = new TempDirectory("shopsync-json-logs");
        await using var server = await RealServer.StartAsync(directory.File("shopsync.db"), "--log-format", "json", "--Logging:LogLevel:ShopSync=Debug");
        using var api = RealServer.Api(server);
        var jobId = await api.EnqueueBackgroundAsync(Infrastructure.Requests.Diagnostics());
        await api.WaitForStatusAsync(jobId, JobStatus.Finished);
        await server.StopAsync();

        var lines = server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var documents = lines.Select(line => JsonDocument.Parse(line)).ToList();
        var ended = documents.Single(d => d.RootElement.GetProperty("EventId").GetInt32() == 1102
            && d.RootElement.GetProperty("State").GetProperty("JobId").GetString() == jobId);
        var scope = ended.RootElement.GetProperty("Scopes").EnumerateArray().Single(s => s.TryGetProperty("EntryNo", out _));

        Assert.NotEmpty(lines);
        Assert.Equal(jobId, scope.GetProperty("JobId").GetString());
        Assert.Equal(1, scope.GetProperty("Attempt").GetInt32());
        Assert.Equal(90001, scope.GetProperty("ReportId").GetInt32());
        Assert.True(scope.TryGetProperty("ShopCode", out _));
        Assert.Matches("^[0-9a-f]{32}$", scope.GetProperty("TraceId").GetString());
    }
}
