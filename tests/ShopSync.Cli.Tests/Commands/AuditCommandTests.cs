using Google.Protobuf;
using ShopSync.Cli.Infrastructure;
using ShopSync.Cli.Tests.Infrastructure;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class AuditCommandTests(ServerFixture fixture)
{
    private readonly InProcessCli _cli = new(fixture.Address);

    [Fact]
    public async Task Audit_AfterShopChanges_ListsThemNewestFirstFilteredByShopAndRpc()
    {
        var shop = "aud-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(0, (await _cli.RunAsync("shops", "add", shop, "--url", $"https://{shop}.myshopify.com", "--user", "alice")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("shops", "remove", shop, "--user", "alice")).ExitCode);

        var json = await _cli.RunAsync("audit", "--shop", shop, "--since", "1h", "--json");
        var table = await _cli.RunAsync("audit", "--shop", shop, "--rpc", "CreateShop", "--limit", "1");

        Assert.True(json.ExitCode == 0, json.ToString());
        var events = JsonParser.Default.Parse<ListAuditEventsResponse>(json.Out).Events;
        Assert.Equal(["shopsync.v1.ShopService/DeleteShop", "shopsync.v1.ShopService/CreateShop"], events.Select(e => e.Rpc));
        Assert.All(events, e => Assert.Equal("alice", e.OnBehalfOf));
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains(table.OutLines, l => l.Contains("ShopService/CreateShop", StringComparison.Ordinal) && l.Contains("shop/" + shop, StringComparison.Ordinal));
        Assert.DoesNotContain(table.OutLines, l => l.Contains("DeleteShop", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_BadSince_UsageErrorNamingTheOption()
    {
        var result = await _cli.RunAsync("audit", "--since", "yesterday-ish");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--since", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_TokenInEnvironmentAndCleartextRemoteServer_RefusesBeforeSending()
    {
        var cli = new InProcessCli(new Uri("http://192.0.2.10:5000"), new Dictionary<string, string> { ["SHOPSYNC_TOKEN"] = "ssk_not-for-the-wire" });

        var result = await cli.RunAsync("shops", "list");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("cleartext", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ssk_not-for-the-wire", result.Out + result.Error, StringComparison.Ordinal);
    }
}
