using System.Text.Json;
using ShopSync.Cli.Tests.Infrastructure;

namespace ShopSync.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class FiltersCommandTests(ServerFixture fixture)
{
    private readonly InProcessCli _cli = new(fixture.Address);

    [Fact]
    public async Task Filters_Show_ListsTheRequestPageOptions()
    {
        var result = await _cli.RunAsync("filters", "show", "diag");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("90001 Diagnostics", result.OutLines[0]);
        Assert.Contains(result.OutLines, l => l.Contains("step_ms", StringComparison.Ordinal) && l.Contains("Integer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_SetShowClear_RoundTripTheShopDefaults()
    {
        var set = await _cli.RunAsync("filters", "set", "90001", "--shop", "demo", "--option", "steps=3", "--option", "fail_message=nope");
        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Contains("option steps = 3", set.Out, StringComparison.Ordinal);

        var show = await _cli.RunAsync("filters", "show", "diag", "--shop", "demo", "--json");
        Assert.True(show.ExitCode == 0, show.ToString());
        using (var doc = JsonDocument.Parse(show.Out))
        {
            Assert.Equal(90001, doc.RootElement.GetProperty("requestPage").GetProperty("reportId").GetInt32());
            var options = doc.RootElement.GetProperty("defaults").GetProperty("options").EnumerateArray()
                .Select(o => $"{o.GetProperty("name").GetString()}={o.GetProperty("value").GetString()}").ToList();
            Assert.Contains("steps=3", options);
        }

        var clear = await _cli.RunAsync("filters", "clear", "diag", "--shop", "demo");
        Assert.True(clear.ExitCode == 0, clear.ToString());
        Assert.Contains("(none)", clear.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_SetInvalidValue_ExitsFiveWithTheServersReason()
    {
        var result = await _cli.RunAsync("filters", "set", "diag", "--shop", "demo", "--option", "steps=x");

        Assert.Equal(5, result.ExitCode);
        Assert.Equal("shopsync filters set: options[0].value: option \"steps\": 'x' is not an Integer (INVALID_ARGUMENT)", result.Error.Trim());
    }

    [Fact]
    public async Task Filters_SetUnknownField_ExitsFive()
    {
        var result = await _cli.RunAsync("filters", "set", "diag", "--shop", "demo", "Colour=red");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("Colour", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_SetWithoutShop_IsAUsageError()
    {
        var result = await _cli.RunAsync("filters", "set", "diag", "Tags=x");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--shop", result.Error, StringComparison.Ordinal);
    }
}
