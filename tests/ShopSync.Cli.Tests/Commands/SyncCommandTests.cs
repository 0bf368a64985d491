using Google.Protobuf;
using ShopSync.Cli.Tests.Infrastructure;
using ShopSync.Contracts.V1;
using ShopSync.Testing;

namespace ShopSync.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class SyncCommandTests(ServerFixture fixture)
{
    private readonly InProcessCli _cli = new(fixture.Address);

    [Fact]
    public async Task Sync_ForegroundDiagnostics_PrintsProgressAndSucceeds()
    {
        var result = await _cli.RunAsync("sync", "90001", "--option", "steps=5", "--option", "step_ms=50", "--foreground");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.OutLines, l => l.Contains("accepted", StringComparison.Ordinal) && l.Contains("foreground", StringComparison.Ordinal));
        // The server coalesces progress reports, so not every step is seen; those seen only grow.
        var percents = result.OutLines
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\[\s*(\d+)%\] Step \d of 5 \(done \d, failed 0, skipped 0, pages \d\)$"))
            .Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(percents);
        Assert.Equal(percents.Order(), percents);
        Assert.Contains("completed: Succeeded (done 5, failed 0, skipped 0, pages 5)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_ByAlias_ResolvesTheTask()
    {
        var result = await _cli.RunAsync("sync", "diag", "--option", "steps=1", "--option", "step_ms=0", "--foreground", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var events = result.OutLines.Select(l => JsonParser.Default.Parse<EnqueueJobResponse>(l).Event).ToList();
        var job = await GetJobAsync(events[0].JobId);
        Assert.Equal(90001, job.ReportId);
    }

    [Fact]
    public async Task Sync_ForegroundJson_WritesOneEventPerLineEndingWithCompleted()
    {
        var result = await _cli.RunAsync("sync", "90001", "--option", "steps=3", "--option", "step_ms=10", "--foreground", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var events = result.OutLines.Select(l => JsonParser.Default.Parse<EnqueueJobResponse>(l).Event).ToList();
        Assert.Equal(JobEvent.KindOneofCase.Accepted, events[0].KindCase);
        Assert.Contains(events, e => e.KindCase == JobEvent.KindOneofCase.Progress);
        Assert.Equal(events.Select(e => e.Sequence).Order(), events.Select(e => e.Sequence));
        Assert.Equal(JobResult.Succeeded, events[^1].Completed.Result);
        Assert.All(events, e => Assert.Equal(events[0].JobId, e.JobId));
    }

    [Fact]
    public async Task Sync_JobFails_ExitsOneWithTheErrorOnOneLine()
    {
        var result = await _cli.RunAsync(
            "sync", "90001", "--foreground", "--max-attempts", "1",
            "--option", "steps=1", "--option", "step_ms=0", "--option", "fail_attempts=1", "--option", "fail_message=Shopify said no");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("completed: Failed", result.Out, StringComparison.Ordinal);
        var error = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("failed: Shopify said no", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_FailedAttemptWithRetriesLeft_ShowsTheRetryState()
    {
        var result = await _cli.RunAsync(
            "sync", "90001", "--foreground", "--max-attempts", "2",
            "--option", "steps=1", "--option", "step_ms=0", "--option", "fail_attempts=1", "--option", "fail_message=first try fails");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("attempt 1 of 2 failed: first try fails; retry at", result.Out, StringComparison.Ordinal);
        Assert.Contains("started attempt 2", result.Out, StringComparison.Ordinal);
        Assert.Contains("completed: Succeeded", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_Background_ReturnsAtOnceAndJobsWatchFollowsToTheEnd()
    {
        var queued = await _cli.RunAsync("sync", "90001", "--background", "--option", "steps=3", "--option", "step_ms=20");

        Assert.True(queued.ExitCode == 0, queued.ToString());
        var id = JobIdFrom(queued.Out);
        Assert.Contains($"shopsync jobs watch {id}", queued.Out, StringComparison.Ordinal);

        var watched = await _cli.RunAsync("jobs", "watch", id);
        Assert.True(watched.ExitCode == 0, watched.ToString());
        Assert.Contains("completed: Succeeded", watched.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_Interrupted_DetachesAndJobsWatchReattaches()
    {
        using var interrupt = new CancellationTokenSource();
        var run = _cli.StartAsync(["sync", "90001", "--foreground", "--option", "steps=20", "--option", "step_ms=100"], interrupt.Token);
        await Eventually.TrueAsync(() => run.Out().Contains("Step 2 of 20", StringComparison.Ordinal), "the foreground sync to report progress");

        await interrupt.CancelAsync();
        var detached = await run.Completion;

        Assert.True(detached.ExitCode == 130, detached.ToString());
        var id = JobIdFrom(detached.Out);
        Assert.Contains($"Detached from job {id}; it keeps running on the server. Re-attach with: shopsync jobs watch {id}", detached.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("completed:", detached.Out, StringComparison.Ordinal);

        var reattached = await _cli.RunAsync("jobs", "watch", id);
        Assert.True(reattached.ExitCode == 0, reattached.ToString());
        Assert.Contains("completed: Succeeded (done 20, failed 0, skipped 0, pages 20)", reattached.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_InterruptedWithCancelOnInterrupt_CancelsTheJob()
    {
        using var interrupt = new CancellationTokenSource();
        var run = _cli.StartAsync(
            ["sync", "90001", "--foreground", "--cancel-on-interrupt", "--option", "steps=200", "--option", "step_ms=100"], interrupt.Token);
        await Eventually.TrueAsync(() => run.Out().Contains("Step 1 of 200", StringComparison.Ordinal), "the foreground sync to report progress");

        await interrupt.CancelAsync();
        var result = await run.Completion;

        Assert.True(result.ExitCode == 130, result.ToString());
        var id = JobIdFrom(result.Out);
        Assert.Contains($"Cancelled job {id}", result.Error, StringComparison.Ordinal);
        var job = await GetJobAsync(id);
        Assert.Equal(JobStatus.Finished, job.Status);
        Assert.Equal(JobResult.Cancelled, job.LastResult);
    }

    [Fact]
    public async Task Sync_UnknownTask_ExitsFourNamingTheKnownTasks()
    {
        var result = await _cli.RunAsync("sync", "ordrs", "--shop", "demo");

        Assert.Equal(4, result.ExitCode);
        var error = result.Error.Trim();
        Assert.StartsWith("shopsync sync: unknown task 'ordrs'; known tasks: ", error, StringComparison.Ordinal);
        Assert.Contains("orders (30104 Sync Orders from Shopify)", error, StringComparison.Ordinal);
        Assert.Contains("diag (90001 Diagnostics)", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public async Task Sync_UnknownShop_ExitsFourWithTheServersMessage()
    {
        var result = await _cli.RunAsync("sync", "diag", "--shop", "nope", "--foreground");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("shopsync sync: shop_code: shop \"nope\" does not exist (NOT_FOUND)", result.Error.Trim());
    }

    [Fact]
    public async Task Sync_InvalidOption_ExitsFiveNamingTheOption()
    {
        var result = await _cli.RunAsync("sync", "diag", "--option", "steps=many", "--foreground");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("option \"steps\": 'many' is not an Integer", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("(INVALID_ARGUMENT)", result.Error.Trim(), StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Sync_ForegroundAndBackground_IsAUsageError()
    {
        var result = await _cli.RunAsync("sync", "diag", "--foreground", "--background");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("shopsync sync: --foreground and --background exclude each other", result.Error.Trim());
    }

    [Fact]
    public async Task Sync_MalformedOption_IsAUsageError()
    {
        var result = await _cli.RunAsync("sync", "diag", "--option", "steps");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--option 'steps' must look like Name=value", result.Error, StringComparison.Ordinal);
    }

    internal static string JobIdFrom(string output)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, "job ([0-9a-f-]{36})");
        Assert.True(match.Success, "no job id in: " + output);
        return match.Groups[1].Value;
    }

    private async Task<Job> GetJobAsync(string id)
    {
        var show = await _cli.RunAsync("jobs", "show", id, "--json");
        Assert.True(show.ExitCode == 0, show.ToString());
        return JsonParser.Default.Parse<Job>(show.Out);
    }
}
