using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>EnqueueJob through the real server: background answers, foreground streams, AUTO follows the shop.</summary>
public sealed class EnqueueJobTests
{
    [Fact]
    public async Task EnqueueJob_Background_ReturnsOnlyTheAcceptedEventThenEnds()
    {
        await using var server = await InProcessServer.StartAsync();

        var events = await server.Api.EnqueueAsync(Requests.Diagnostics(RunMode.Background));

        var accepted = Assert.Single(events);
        Assert.Equal(JobEvent.KindOneofCase.Accepted, accepted.KindCase);
        Assert.False(accepted.Accepted.Foreground);
        Assert.Equal(1, accepted.Sequence);
        Assert.True(accepted.Accepted.EntryNo > 0);
        Assert.True(Guid.TryParse(accepted.JobId, out _));
        var done = await server.Api.WaitForStatusAsync(accepted.JobId, JobStatus.Finished);
        Assert.Equal(JobResult.Succeeded, done.LastResult);
    }

    [Fact]
    public async Task EnqueueJob_Background_AnswerIsTheAcceptedEventAWatcherReadsBack_ForAReadyAndAWaitingEntry()
    {
        // The background answer is built from the enqueue's own result, not read back from the store: it must be
        // exactly the stored event, also for an entry queued behind a busy category (accepted as Waiting).
        await using var server = await InProcessServer.StartAsync();
        var running = Assert.Single(await server.Api.EnqueueAsync(Requests.Diagnostics(RunMode.Background, steps: 20, stepMs: 100, category: "ANSWER")));
        await server.Api.WaitForStatusAsync(running.JobId, JobStatus.InProcess);
        var waiting = Assert.Single(await server.Api.EnqueueAsync(Requests.Diagnostics(RunMode.Background, category: "ANSWER")));

        foreach (var answer in new[] { running, waiting })
        {
            var replayed = (await server.Api.WatchToEndAsync(answer.JobId))[0];
            Assert.Equal(replayed, answer);
        }

        Assert.Equal(JobStatus.Ready, running.Accepted.Status);
        Assert.Equal(JobStatus.Waiting, waiting.Accepted.Status);
    }

    [Fact]
    public async Task EnqueueJob_Foreground_StreamsAcceptedStartedProgressCompleted()
    {
        await using var server = await InProcessServer.StartAsync();

        var events = await server.Api.EnqueueAsync(Requests.Diagnostics(RunMode.Foreground, steps: 5, stepMs: 100));

        Assert.Equal(JobEvent.KindOneofCase.Accepted, events[0].KindCase);
        Assert.True(events[0].Accepted.Foreground);
        var started = Assert.Single(events, e => e.KindCase == JobEvent.KindOneofCase.Started);
        Assert.Equal(1, started.Started.Attempt);
        Assert.False(string.IsNullOrEmpty(started.Started.Node));
        var progress = events.Where(e => e.KindCase == JobEvent.KindOneofCase.Progress).ToList();
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.True(p.Progress.Counters.Done > 0, "progress carries the counters"));
        Assert.True(events.IndexOf(started) < events.IndexOf(progress[0]));
        var completed = events[^1];
        Assert.Equal(JobEvent.KindOneofCase.Completed, completed.KindCase);
        Assert.Equal(JobResult.Succeeded, completed.Completed.Result);
        Assert.Equal(JobStatus.Finished, completed.Completed.Status);
        Assert.Equal(5, completed.Completed.Counters.Done);
        Assert.All(events, e => Assert.Equal(events[0].JobId, e.JobId));
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].Sequence > events[i - 1].Sequence, $"sequence grows: {events[i - 1].Sequence} then {events[i].Sequence}");
        }
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task EnqueueJob_AutoMode_FollowsTheShopsAllowBackgroundSyncs(bool allowBackgroundSyncs, bool expectForeground)
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Api.CreateShopAsync("auto-shop", allowBackgroundSyncs);

        var events = await server.Api.EnqueueAsync(Requests.Diagnostics(RunMode.Auto, shop: "auto-shop"));

        Assert.Equal(expectForeground, events[0].Accepted.Foreground);
        if (expectForeground)
        {
            Assert.Equal(JobEvent.KindOneofCase.Completed, events[^1].KindCase);
            Assert.Equal(JobResult.Succeeded, events[^1].Completed.Result);
        }
        else
        {
            Assert.Single(events);
        }
    }

    [Fact]
    public async Task EnqueueJob_UnspecifiedMode_BehavesAsAuto()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Api.CreateShopAsync("fg-shop", allowBackgroundSyncs: false);

        var events = await server.Api.EnqueueAsync(Requests.Diagnostics(RunMode.Unspecified, shop: "fg-shop"));

        Assert.True(events[0].Accepted.Foreground);
        Assert.Equal(JobEvent.KindOneofCase.Completed, events[^1].KindCase);
    }

    [Fact]
    public async Task EnqueueJob_ClientDisconnectsMidForeground_TheJobStillFinishes()
    {
        await using var server = await InProcessServer.StartAsync();
        using var channel = server.CreateChannel();
        var api = new ServerApi(channel);
        using var call = api.EnqueueStream(Requests.Gated(mode: RunMode.Foreground));
        string? jobId = null;
        await foreach (var response in call)
        {
            jobId ??= response.Event.JobId;
            if (response.Event.KindCase == JobEvent.KindOneofCase.Started)
            {
                break;
            }
        }
        Assert.NotNull(jobId);

        // Disposing the call resets the HTTP/2 stream, as a client process going away would.
        call.Dispose();
        channel.Dispose();
        // The server has seen the client go (its call ended cancelled) while the run is still held.
        await Eventually.TrueAsync(
            () => server.Calls.Ended.Any(c => c.Method.EndsWith("/EnqueueJob", StringComparison.Ordinal) && c.Cancelled),
            "the server to end the EnqueueJob call of the gone client",
            TestTimeouts.Signal);
        Assert.Equal(JobStatus.InProcess, (await server.Api.GetJobAsync(jobId)).Status);
        server.Gate.Release(jobId);

        var done = await server.Api.WaitForStatusAsync(jobId, JobStatus.Finished);
        Assert.Equal(JobResult.Succeeded, done.LastResult);
        Assert.False(server.Gate.Run(jobId).Cancelled.Task.IsCompleted, "the handler's token must not fire on a disconnect");
    }
}
