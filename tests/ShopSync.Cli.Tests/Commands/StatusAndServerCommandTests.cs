using Grpc.Health.V1;
using Google.Protobuf;
using ShopSync.Cli.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class StatusAndServerCommandTests(ServerFixture fixture)
{
    private readonly InProcessCli _cli = new(fixture.Address);

    [Fact]
    public async Task ServerHealth_Serving_PrintsServingAndExitsZero()
    {
        var result = await _cli.RunAsync("server", "health");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{fixture.Address}: SERVING", result.Out.Trim());
    }

    [Fact]
    public async Task ServerHealth_Json_IsTheHealthCheckResponse()
    {
        var result = await _cli.RunAsync("server", "health", "--json", "--service", "shopsync.v1.JobQueueService");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, JsonParser.Default.Parse<HealthCheckResponse>(result.Out).Status);
    }

    [Fact]
    public async Task ServerHealth_NoServer_ExitsThreeWithOneLine()
    {
        var address = $"http://127.0.0.1:{FreePort.Next()}";

        var result = await _cli.RunAsync("--server", address, "server", "health");

        Assert.Equal(3, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"shopsync server health: cannot reach the ShopSync server at {address}/ (UNAVAILABLE", line, StringComparison.Ordinal);
        Assert.EndsWith("is it running? Set --server or SHOPSYNC_SERVER", line.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerHealth_BadServerAddress_IsAUsageError()
    {
        var result = await _cli.RunAsync("server", "health", "--server", "ftp://x");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("shopsync server health: --server: 'ftp://x' is not an http:// or https:// address", result.Error.Trim());
    }

    [Fact]
    public async Task Status_ServerWithoutSyncStatusService_ExitsOneSayingSo()
    {
        var result = await _cli.RunAsync("status", "--shop", "demo");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"shopsync status: the server at {fixture.Address} does not implement this yet (UNIMPLEMENTED: Service is unimplemented.)",
            result.Error.Trim());
    }

    [Fact]
    public async Task Status_DrillDownWithoutService_ExitsOneSayingSo()
    {
        var result = await _cli.RunAsync("status", "unprocessed-orders");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not implement this yet (UNIMPLEMENTED", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_UnknownCue_IsAUsageErrorListingTheCues()
    {
        var result = await _cli.RunAsync("status", "lost-socks");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("shopsync status: unknown cue 'lost-socks'; use one of unmapped-customers, unmapped-companies", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Root_ListsCommandsAndExitCodes()
    {
        var result = await _cli.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "shops", "sync", "jobs", "schedule", "filters", "status", "server" })
        {
            Assert.Contains(result.OutLines, l => l.StartsWith(command + " ", StringComparison.Ordinal));
        }
        Assert.Contains("Exit codes:", result.Out, StringComparison.Ordinal);
        Assert.Contains("5    rejected: invalid argument, failed precondition, already exists", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageErrorOnOneLine()
    {
        var result = await _cli.RunAsync("jobs", "lst");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Unrecognized command or argument 'lst'", lines[0], StringComparison.Ordinal);
        Assert.Equal("Run 'shopsync jobs --help' for usage.", lines[1].Trim());
    }
}
