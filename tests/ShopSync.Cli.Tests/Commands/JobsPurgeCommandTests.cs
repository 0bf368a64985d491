using Google.Protobuf;
using ShopSync.Cli.Commands;
using ShopSync.Cli.Tests.Infrastructure;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class JobsPurgeCommandTests(ServerFixture fixture)
{
    private readonly InProcessCli _cli = new(fixture.Address);

    [Fact]
    public async Task JobsPurge_DryRun_CountsAndSaysNothingWasDeleted()
    {
        var human = await _cli.RunAsync("jobs", "purge", "--older-than", "3650d", "--dry-run");
        Assert.True(human.ExitCode == 0, human.ToString());
        Assert.Matches(@"^0 entries ended before \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC would be deleted \(dry run: nothing deleted\)$", human.Out.Trim());

        var json = await _cli.RunAsync("jobs", "purge", "--older-than", "3650d", "--status", "finished,error", "--dry-run", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var reply = JsonParser.Default.Parse<PurgeJobsResponse>(json.Out);
        Assert.True(reply.DryRun);
        Assert.Equal(0, reply.Count);
    }

    [Theory]
    [InlineData("30x")]
    [InlineData("d")]
    [InlineData("-5d")]
    [InlineData("0h")]
    public async Task JobsPurge_BadAge_IsAUsageErrorNamingTheOption(string age)
    {
        var result = await _cli.RunAsync("jobs", "purge", "--older-than", age);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--older-than", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsPurge_StatusThatIsNotEnded_IsRejectedByTheServer()
    {
        var result = await _cli.RunAsync("jobs", "purge", "--older-than", "30d", "--status", "ready");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("statuses", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsShow_AnEntry_PrintsTheTraceIdOfTheCallThatQueuedIt()
    {
        var run = await _cli.RunAsync("sync", "diag", "--foreground", "--option", "steps=1", "--option", "step_ms=0");
        Assert.True(run.ExitCode == 0, run.ToString());
        var id = SyncCommandTests.JobIdFrom(run.Out);

        var shown = await _cli.RunAsync("jobs", "show", id);

        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains(shown.OutLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"Trace id\W+[0-9a-f]{32}\b"));
    }

    [Theory]
    [InlineData("30d", 30 * 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("90m", 90)]
    [InlineData("45S", 0.75)]
    public void ParseAge_NumberAndUnit_IsThatDuration(string text, double minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), JobsPurgeCommand.ParseAge(text));
}
