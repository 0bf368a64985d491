using ShopSync.Cli.Tests.Commands;
using ShopSync.Cli.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Cli.Tests.Binary;

/// <summary>The real built <c>shopsync</c> binary: arguments, environment, exit codes and SIGINT as a user sees them.</summary>
[Collection(ServerCollection.Name)]
public sealed class CliBinaryTests(ServerFixture fixture)
{
    [Fact]
    public async Task Binary_ServerHealth_UsesShopSyncServerFromTheEnvironment()
    {
        var result = await CliBinary.RunAsync(fixture.Address, "server", "health");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"{fixture.Address}: SERVING", result.Out.Trim());
    }

    [Fact]
    public async Task Binary_ForegroundSync_PrintsPlainProgressLinesWithoutEscapeCodes()
    {
        var result = await CliBinary.RunAsync(fixture.Address, "sync", "90001", "--option", "steps=5", "--option", "step_ms=50", "--foreground");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^\[\s*\d+%\] Step \d of 5 \(done \d, failed 0, skipped 0, pages \d\)$", result.Out);
        Assert.Contains("completed: Succeeded (done 5, failed 0, skipped 0, pages 5)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_NotFound_ExitsFour()
    {
        var result = await CliBinary.RunAsync(fixture.Address, "jobs", "show", Guid.NewGuid().ToString());

        Assert.Equal(4, result.ExitCode);
        Assert.EndsWith("(NOT_FOUND)", result.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_UsageError_ExitsTwo()
    {
        var result = await CliBinary.RunAsync(fixture.Address, "sync");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Required argument missing for command: 'sync'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_Sigint_DetachesAndTheJobFinishes()
    {
        using var run = CliBinary.Start(fixture.Address, "sync", "90001", "--foreground", "--option", "steps=20", "--option", "step_ms=100");
        await Eventually.TrueAsync(() => run.Out.Contains("%] Step", StringComparison.Ordinal), "the foreground sync to report progress");

        await run.InterruptAsync();
        var result = await run.WaitAsync();

        Assert.True(result.ExitCode == 130, result.ToString());
        var id = SyncCommandTests.JobIdFrom(result.Out);
        Assert.Contains($"Re-attach with: shopsync jobs watch {id}", result.Error, StringComparison.Ordinal);
        var watched = await CliBinary.RunAsync(fixture.Address, "jobs", "watch", id);
        Assert.True(watched.ExitCode == 0, watched.ToString());
        Assert.Contains("completed: Succeeded (done 20", watched.Out, StringComparison.Ordinal);
    }
}
