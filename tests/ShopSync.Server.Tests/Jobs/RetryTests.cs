using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>Failed attempts and retries as a foreground caller sees them.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task EnqueueJob_FirstAttemptFails_StreamShowsAttemptFailedThenRetrySucceeds()
    {
        await using var server = await InProcessServer.StartAsync();

        var events = await server.Api.EnqueueAsync(
            Requests.Diagnostics(RunMode.Foreground, steps: 1, stepMs: 1, failAttempts: 1, failMessage: "ERP is offline", maxAttempts: 2));

        var failed = Assert.Single(events, e => e.KindCase == JobEvent.KindOneofCase.AttemptFailed);
        Assert.Equal(1, failed.AttemptFailed.Attempt);
        Assert.Equal(2, failed.AttemptFailed.MaxAttempts);
        Assert.Equal("ERP is offline", failed.AttemptFailed.ErrorMessage);
        Assert.NotNull(failed.AttemptFailed.RetryAt);
        var starts = events.Where(e => e.KindCase == JobEvent.KindOneofCase.Started).Select(e => e.Started.Attempt).ToList();
        Assert.Equal([1, 2], starts);
        Assert.True(events.IndexOf(failed) < events.FindLastIndex(e => e.KindCase == JobEvent.KindOneofCase.Started));
        Assert.Equal(JobEvent.KindOneofCase.Completed, events[^1].KindCase);
        Assert.Equal(JobResult.Succeeded, events[^1].Completed.Result);

        var log = await server.Api.LogEntriesAsync(events[0].JobId);
        Assert.Equal(2, log.Count);
        var first = Assert.Single(log, l => l.Attempt == 1);
        Assert.Equal(JobResult.Failed, first.Result);
        Assert.Equal("ERP is offline", first.ErrorMessage);
        Assert.Equal(JobResult.Succeeded, Assert.Single(log, l => l.Attempt == 2).Result);
    }

    [Fact]
    public async Task EnqueueJob_LastAttemptFails_EndsInErrorWithTheMessage()
    {
        await using var server = await InProcessServer.StartAsync();

        var events = await server.Api.EnqueueAsync(
            Requests.Diagnostics(RunMode.Foreground, steps: 1, stepMs: 1, failAttempts: 5, failMessage: "credentials rejected", maxAttempts: 2));

        Assert.Single(events, e => e.KindCase == JobEvent.KindOneofCase.AttemptFailed);
        var completed = events[^1];
        Assert.Equal(JobEvent.KindOneofCase.Completed, completed.KindCase);
        Assert.Equal(JobResult.Failed, completed.Completed.Result);
        Assert.Equal(JobStatus.Error, completed.Completed.Status);
        Assert.Equal("credentials rejected", completed.Completed.ErrorMessage);
        var job = await server.Api.GetJobAsync(completed.JobId);
        Assert.Equal(JobStatus.Error, job.Status);
        Assert.Equal(2, job.Attempts);
        Assert.Equal("credentials rejected", job.ErrorMessage);
    }
}
