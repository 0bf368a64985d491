using Google.Protobuf;
using ShopSync.Cli.Tests.Infrastructure;
using ShopSync.Contracts.V1;

namespace ShopSync.Cli.Tests.Commands;

[Collection(ServerCollection.Name)]
public sealed class JobsCommandTests(ServerFixture fixture)
{
    private readonly InProcessCli _cli = new(fixture.Address);

    [Fact]
    public async Task Jobs_ControlsOnAnOnHoldEntry_MoveItThroughItsStates()
    {
        var id = await QueueOnHoldAsync();

        var listed = await _cli.RunAsync("jobs", "list", "--status", "on-hold", "--task", "diag", "--json");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Contains(JsonParser.Default.Parse<ListJobsResponse>(listed.Out).Jobs, j => j.Id == id && j.Status == JobStatus.OnHold);

        var table = await _cli.RunAsync("jobs", "list", "--status", "on-hold");
        Assert.Contains(table.OutLines, l => l.Contains(id, StringComparison.Ordinal) && l.Contains("On Hold", StringComparison.Ordinal));

        var cancelled = await _cli.RunAsync("jobs", "cancel", id);
        Assert.True(cancelled.ExitCode == 0, cancelled.ToString());
        Assert.Equal($"job {id}: Finished (Cancelled)", cancelled.Out.Trim());

        var restarted = await _cli.RunAsync("jobs", "restart", id, "--json");
        Assert.True(restarted.ExitCode == 0, restarted.ToString());
        Assert.Equal(id, JsonParser.Default.Parse<Job>(restarted.Out).Id);

        var watched = await _cli.RunAsync("jobs", "watch", id);
        Assert.True(watched.ExitCode == 0, watched.ToString());
        Assert.Contains("completed: Succeeded", watched.Out, StringComparison.Ordinal);

        var deleted = await _cli.RunAsync("jobs", "delete", id);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal($"job {id}: deleted", deleted.Out.Trim());

        var gone = await _cli.RunAsync("jobs", "show", id);
        Assert.Equal(4, gone.ExitCode);
        Assert.Equal($"shopsync jobs show: job_id: Job queue entry {id} does not exist. (NOT_FOUND)", gone.Error.Trim());
    }

    [Fact]
    public async Task Jobs_EntryThatSucceededWithWarnings_ShowsItsSummaryAsWarningsNotAsAnError()
    {
        var run = await _cli.RunAsync("sync", "diag", "--foreground", "--option", "steps=1", "--option", "step_ms=0", "--option", "skip=2");
        Assert.True(run.ExitCode == 0, run.ToString());
        var id = SyncCommandTests.JobIdFrom(run.Out);

        var shown = await _cli.RunAsync("jobs", "show", id);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains(shown.OutLines, l => l.StartsWith("Warnings", StringComparison.Ordinal) && l.Contains("skipped", StringComparison.Ordinal));
        Assert.DoesNotContain(shown.OutLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Error\s{2,}\S"));

        var table = await _cli.RunAsync("jobs", "list", "--task", "diag");
        Assert.Contains("warnings: ", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_HoldAndReady_OnAnEntryWaitingForItsCategory_ChangeItsStatus()
    {
        var blocker = await QueueRunningAsync();
        var queued = await _cli.RunAsync("sync", "diag", "--background", "--option", "steps=1", "--option", "step_ms=0");
        var id = SyncCommandTests.JobIdFrom(queued.Out);

        var held = await _cli.RunAsync("jobs", "hold", id);
        Assert.True(held.ExitCode == 0, held.ToString());
        Assert.Equal($"job {id}: On Hold", held.Out.Trim());

        var ready = await _cli.RunAsync("jobs", "ready", id);
        Assert.True(ready.ExitCode == 0, ready.ToString());
        Assert.Matches($"^job {id}: (Ready|Waiting)$", ready.Out.Trim());

        Assert.Equal(0, (await _cli.RunAsync("jobs", "cancel", blocker)).ExitCode);
        var watched = await _cli.RunAsync("jobs", "watch", id);
        Assert.True(watched.ExitCode == 0, watched.ToString());
    }

    [Fact]
    public async Task Jobs_ReadyAndRun_RunTheEntryToItsEnd()
    {
        var id = await QueueOnHoldAsync();

        var ready = await _cli.RunAsync("jobs", "ready", id);
        Assert.True(ready.ExitCode == 0, ready.ToString());
        Assert.StartsWith($"job {id}: ", ready.Out.Trim(), StringComparison.Ordinal);

        var watched = await _cli.RunAsync("jobs", "watch", id, "--json");
        Assert.True(watched.ExitCode == 0, watched.ToString());
        var messages = watched.OutLines.Select(l => JsonParser.Default.Parse<WatchJobResponse>(l)).ToList();
        Assert.Equal(id, messages[0].Snapshot.Id);
        Assert.Equal(JobResult.Succeeded, messages[^1].Event.Completed.Result);

        var run = await _cli.RunAsync("jobs", "run", id);
        Assert.True(run.ExitCode == 0, run.ToString());
        var log = await _cli.RunAsync("jobs", "log", id, "--json");
        Assert.True(log.ExitCode == 0, log.ToString());
        Assert.Contains(JsonParser.Default.Parse<ListLogEntriesResponse>(log.Out).Entries, e => e.JobId == id && e.Result == JobResult.Succeeded);

        var show = await _cli.RunAsync("jobs", "show", id);
        Assert.Contains(show.OutLines, l => l.StartsWith("Id", StringComparison.Ordinal) && l.Contains(id, StringComparison.Ordinal));
        Assert.Contains(show.OutLines, l => l.StartsWith("Options", StringComparison.Ordinal) && l.Contains("steps=1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Jobs_Show_NotAJobId_ExitsFiveNamingTheField()
    {
        var result = await _cli.RunAsync("jobs", "show", "42");

        Assert.Equal(5, result.ExitCode);
        Assert.StartsWith("shopsync jobs show: job_id: \"42\" is not a job id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_ListWithUnknownStatus_IsAUsageError()
    {
        var result = await _cli.RunAsync("jobs", "list", "--status", "sleeping");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--status: unknown status 'sleeping'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_DeleteWhileInProcess_ExitsFive()
    {
        var id = await QueueRunningAsync();

        var result = await _cli.RunAsync("jobs", "delete", id);

        Assert.Equal(5, result.ExitCode);
        Assert.EndsWith("(FAILED_PRECONDITION)", result.Error.Trim(), StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("jobs", "cancel", id)).ExitCode);
    }

    [Fact]
    public async Task JobsWatch_AfterTheLastSequenceOfAFinishedEntry_EndsAtOnce()
    {
        var run = await _cli.RunAsync("sync", "diag", "--foreground", "--option", "steps=1", "--option", "step_ms=0");
        Assert.True(run.ExitCode == 0, run.ToString());
        var id = SyncCommandTests.JobIdFrom(run.Out);
        var shown = await _cli.RunAsync("jobs", "show", id, "--json");
        var last = JsonParser.Default.Parse<Job>(shown.Out).LastEventSequence;

        using var interrupt = new CancellationTokenSource();
        var watch = _cli.StartAsync(["jobs", "watch", id, "--after", last.ToString(System.Globalization.CultureInfo.InvariantCulture)], interrupt.Token);
        var ended = await Task.WhenAny(watch.Completion, Task.Delay(TimeSpan.FromSeconds(20)));
        interrupt.Cancel();

        Assert.True(ended == watch.Completion, "jobs watch --after <last sequence> of a finished entry did not end");
        Assert.True((await watch.Completion).ExitCode == 0, (await watch.Completion).ToString());
    }

    /// <summary>A slow background job that is In Process (it holds the default category until cancelled).</summary>
    private async Task<string> QueueRunningAsync()
    {
        var queued = await _cli.RunAsync("sync", "diag", "--background", "--option", "steps=600", "--option", "step_ms=100");
        var id = SyncCommandTests.JobIdFrom(queued.Out);
        await ShopSync.Testing.Eventually.TrueAsync(
            async () => (await _cli.RunAsync("jobs", "show", id, "--json")) is { ExitCode: 0 } r && JsonParser.Default.Parse<Job>(r.Out).Status == JobStatus.InProcess,
            "the job to run");
        return id;
    }

    private async Task<string> QueueOnHoldAsync()
    {
        var queued = await _cli.RunAsync("sync", "diag", "--background", "--on-hold", "--option", "steps=1", "--option", "step_ms=0", "--json");
        Assert.True(queued.ExitCode == 0, queued.ToString());
        var accepted = JsonParser.Default.Parse<EnqueueJobResponse>(queued.Out).Event;
        Assert.Equal(JobStatus.OnHold, accepted.Accepted.Status);
        return accepted.JobId;
    }
}
