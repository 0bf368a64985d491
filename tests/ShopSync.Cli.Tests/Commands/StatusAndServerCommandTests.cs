using Grpc.Health.V1;
using Google.Protobuf;
using ShopSync.Cli.Tests.Infrastructure;
using ShopSync.Contracts.V1;
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
    public async Task Status_DemoShop_PrintsEveryCueWithItsLevel()
    {
        var result = await _cli.RunAsync("status", "--shop", "demo");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("shop demo", result.Out, StringComparison.Ordinal);
        foreach (var cue in new[] { "unmapped-customers", "unprocessed-orders", "shipment-errors", "synchronization-errors", "api-errors" })
        {
            Assert.Contains(result.OutLines, l => l.Contains(cue, StringComparison.Ordinal) && (l.Contains("Ok", StringComparison.Ordinal)
                || l.Contains("Warning", StringComparison.Ordinal) || l.Contains("Alert", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Status_Json_IsTheGetSyncStatusResponse()
    {
        var result = await _cli.RunAsync("status", "--shop", "demo", "--json", "--errors-within", "24");

        Assert.True(result.ExitCode == 0, result.ToString());
        var reply = JsonParser.Default.Parse<GetSyncStatusResponse>(result.Out);
        var shop = Assert.Single(reply.Shops);
        Assert.Equal("demo", shop.ShopCode);
        Assert.Equal(10, shop.Cues.Count);
        Assert.NotNull(reply.AsOf);
    }

    [Fact]
    public async Task Status_DrillDown_PrintsTheTotalAndTheRecords()
    {
        var result = await _cli.RunAsync("status", "unprocessed-orders", "--shop", "demo", "--limit", "5");
        var json = await _cli.RunAsync("status", "unprocessed-orders", "--shop", "demo", "--limit", "5", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(json.ExitCode == 0, json.ToString());
        var reply = JsonParser.Default.Parse<ListCueRecordsResponse>(json.Out);
        Assert.True(reply.Records.Count <= 5);
        Assert.Equal($"Unprocessed Orders: {reply.Total} record(s)", result.OutLines[0].Trim());
        Assert.All(reply.Records, r => Assert.Equal("demo", r.ShopCode));
    }

    [Fact]
    public async Task Status_UnknownShop_ExitsWithNotFound()
    {
        var result = await _cli.RunAsync("status", "--shop", "no-such-shop");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no-such-shop", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_WatchJson_ReceivesAnUpdateWhenATaskFails()
    {
        using var interrupt = new CancellationTokenSource();
        var watch = _cli.StartAsync(["status", "--shop", "demo", "--watch", "--json"], interrupt.Token);
        await Eventually.TrueAsync(() => watch.Out().Contains("\"shops\"", StringComparison.Ordinal), "the first status");
        var message = $"cli watch {Guid.NewGuid():N}";

        var sync = await _cli.RunAsync("sync", "90001", "--shop", "demo", "--foreground", "--max-attempts", "1",
            "--option", "steps=1", "--option", "step_ms=1", "--option", "fail_attempts=1", "--option", $"fail_message={message}");
        await Eventually.TrueAsync(() => watch.Out().Contains(message, StringComparison.Ordinal), "a status update with the failure", TimeSpan.FromSeconds(60));
        await interrupt.CancelAsync();
        var result = await watch.Completion;

        Assert.NotEqual(0, sync.ExitCode);
        Assert.True(result.ExitCode == 0, result.ToString());
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
