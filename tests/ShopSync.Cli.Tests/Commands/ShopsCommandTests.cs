using Google.Protobuf;
using ShopSync.Cli.Tests.Infrastructure;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class ShopsCommandTests(ServerFixture fixture)
{
    private readonly InProcessCli _cli = new(fixture.Address);

    [Fact]
    public async Task Shops_AddListShowSetRemove_RoundTrip()
    {
        var added = await _cli.RunAsync(
            "shops", "add", "cli-test", "--url", "https://cli-test.myshopify.com", "--api-version", "2025-07",
            "--access-token", "shpat_secret", "--set", "allow_background_syncs=false", "--json");
        Assert.True(added.ExitCode == 0, added.ToString());
        var shop = JsonParser.Default.Parse<Shop>(added.Out);
        Assert.Equal("cli-test", shop.Code);
        Assert.True(shop.HasAccessToken);
        Assert.False(shop.AllowBackgroundSyncs);
        Assert.DoesNotContain("shpat_secret", added.Out, StringComparison.Ordinal);

        var list = await _cli.RunAsync("shops", "list", "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(JsonParser.Default.Parse<ListShopsResponse>(list.Out).Shops, s => s.Code == "cli-test");
        var table = await _cli.RunAsync("shops", "list");
        Assert.Contains(table.OutLines, l => l.Contains("cli-test", StringComparison.Ordinal) && l.Contains("https://cli-test.myshopify.com", StringComparison.Ordinal));

        var set = await _cli.RunAsync("shops", "set", "cli-test", "customer_mapping=by-phone", "job-queue-category=CLI");
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains(set.OutLines, l => l.StartsWith("customer_mapping", StringComparison.Ordinal) && l.EndsWith("by-phone", StringComparison.Ordinal));

        var show = await _cli.RunAsync("shops", "show", "cli-test", "--json");
        var shown = JsonParser.Default.Parse<Shop>(show.Out);
        Assert.Equal(CustomerMapping.ByPhone, shown.CustomerMapping);
        Assert.Equal("CLI", shown.JobQueueCategory);
        Assert.False(shown.AllowBackgroundSyncs);

        var removed = await _cli.RunAsync("shops", "remove", "cli-test");
        Assert.True(removed.ExitCode == 0, removed.ToString());
        var gone = await _cli.RunAsync("shops", "show", "cli-test");
        Assert.Equal(4, gone.ExitCode);
        Assert.EndsWith("(NOT_FOUND)", gone.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shops_AddExisting_ExitsFive()
    {
        var result = await _cli.RunAsync("shops", "add", "demo", "--url", "https://demo.myshopify.com");

        Assert.Equal(5, result.ExitCode);
        Assert.EndsWith("(ALREADY_EXISTS)", result.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shops_SetUnknownSetting_IsAUsageErrorListingTheSettable()
    {
        var result = await _cli.RunAsync("shops", "set", "demo", "colour=blue");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("shopsync shops set: unknown shop setting 'colour'; settable: shopify_url, api_version", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shops_SetBadEnumValue_NamesTheValidValues()
    {
        var result = await _cli.RunAsync("shops", "set", "demo", "customer_mapping=by-fax");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'by-fax' is not valid; use by-email, by-phone, default-customer", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shops_AddInvalidCode_ExitsFiveWithTheFieldViolation()
    {
        var result = await _cli.RunAsync("shops", "add", "bad code!", "--url", "https://x.myshopify.com");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("code", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("(INVALID_ARGUMENT)", result.Error.Trim(), StringComparison.Ordinal);
    }
}
