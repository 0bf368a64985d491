using ShopSync.Cli.Tests.Infrastructure;

namespace ShopSync.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class JobsBulkCommandTests(ServerFixture fixture)
{
    private readonly InProcessCli _cli = new(fixture.Address);

    [Fact]
    public async Task JobsBulk_Ids_CountsWithoutYesThenAppliesAndListsSkips()
    {
        var run = await _cli.RunAsync("sync", "diag", "--foreground", "--option", "steps=1", "--option", "step_ms=0");
        Assert.True(run.ExitCode == 0, run.ToString());
        var id = SyncCommandTests.JobIdFrom(run.Out);

        var counted = await _cli.RunAsync("jobs", "bulk", "delete", "--ids", id);
        var hold = await _cli.RunAsync("jobs", "bulk", "hold", "--ids", id, "--yes");
        var deleted = await _cli.RunAsync("jobs", "bulk", "delete", "--ids", id, "--yes");
        var gone = await _cli.RunAsync("jobs", "show", id);

        Assert.True(counted.ExitCode == 0, counted.ToString());
        Assert.Equal("1 entries match; add --yes to delete them", counted.Out.Trim());
        Assert.True(hold.ExitCode == 0, hold.ToString());
        Assert.Equal("0 of 1 entries changed (hold)", hold.OutLines[0]);
        Assert.Contains(hold.OutLines, l => l.Contains($"skipped {id}: A finished entry cannot be set on hold", StringComparison.Ordinal));
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal("1 of 1 entries changed (delete)", deleted.Out.Trim());
        Assert.NotEqual(0, gone.ExitCode);
    }

    [Fact]
    public async Task JobsBulk_UnknownActionOrIdsWithFilter_IsAUsageError()
    {
        var unknown = await _cli.RunAsync("jobs", "bulk", "explode", "--shop", "demo");
        var mixed = await _cli.RunAsync("jobs", "bulk", "hold", "--ids", Guid.NewGuid().ToString(), "--shop", "demo");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("explode", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, mixed.ExitCode);
        Assert.Contains("--ids", mixed.Error, StringComparison.Ordinal);
    }
}
