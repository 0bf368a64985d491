using System.Threading.Channels;
using ShopSync.Contracts.V1;
using ShopSync.Server.Tests.Infrastructure;
using ShopSync.Testing;
using ShopSync.Testing.Grpc;

namespace ShopSync.Server.Tests.Jobs;

/// <summary>WatchJob (resume, replay) and WatchJobs (queue-wide, filtered) through the server.</summary>
public sealed class WatchTests
{
    [Fact]
    public async Task WatchJob_FinishedEntry_ReplaysTheWholeHistoryAndEnds()
    {
        await using var server = await InProcessServer.StartAsync();
        var live = await server.Api.EnqueueAsync(Requests.Diagnostics(RunMode.Foreground, steps: 3, stepMs: 5));

        using var call = server.Api.WatchJob(live[0].JobId);
        var responses = new List<WatchJobResponse>();
        await foreach (var r in call)
        {
            responses.Add(r);
        }

        Assert.NotNull(responses[0].Snapshot);
        Assert.Equal(JobStatus.Finished, responses[0].Snapshot.Status);
        var replayed = responses.Skip(1).Select(r => r.Event).ToList();
        // The replay is the whole persisted history; the live stream may have coalesced progress events.
        Assert.Equal(Enumerable.Range(1, replayed.Count).Select(i => (long)i), replayed.Select(e => e.Sequence));
        Assert.Subset(replayed.Select(e => e.Sequence).ToHashSet(), live.Select(e => e.Sequence).ToHashSet());
        Assert.Equal(NotProgress(live), NotProgress(replayed));
        Assert.Equal(responses[0].Snapshot.LastEventSequence, replayed[^1].Sequence);
    }

    [Fact]
    public async Task WatchJob_AfterASequence_SendsOnlyLaterEvents()
    {
        await using var server = await InProcessServer.StartAsync();
        var live = await server.Api.EnqueueAsync(Requests.Diagnostics(RunMode.Foreground, steps: 3, stepMs: 5));
        var resumeAfter = live[1].Sequence;

        var history = await server.Api.WatchToEndAsync(live[0].JobId);

        var resumed = await server.Api.WatchToEndAsync(live[0].JobId, resumeAfter);

        Assert.Equal(history.Where(e => e.Sequence > resumeAfter).Select(e => e.Sequence), resumed.Select(e => e.Sequence));
        Assert.All(resumed, e => Assert.True(e.Sequence > resumeAfter));
        Assert.Equal(JobEvent.KindOneofCase.Completed, resumed[^1].KindCase);
    }

    [Fact]
    public async Task WatchJob_ResumedWhileRunning_ContinuesLiveToTheFinalEvent()
    {
        await using var server = await InProcessServer.StartAsync();
        var id = await server.Api.EnqueueBackgroundAsync(Requests.Gated());
        await server.Gate.WaitStartedAsync(id);
        var running = await server.Api.WaitForJobAsync(id, j => j.LastEventSequence >= 2, "the started event");

        using var call = server.Api.WatchJob(id, running.LastEventSequence);
        await using var reader = call.GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        Assert.Equal(JobStatus.InProcess, reader.Current.Snapshot.Status);
        server.Gate.Release(id);
        var events = new List<JobEvent>();
        while (await reader.MoveNextAsync())
        {
            events.Add(reader.Current.Event);
        }

        var completed = Assert.Single(events);
        Assert.Equal(JobEvent.KindOneofCase.Completed, completed.KindCase);
        Assert.Equal(running.LastEventSequence + 1, completed.Sequence);
    }

    [Fact]
    public async Task WatchJobs_FilteredByShop_SeesOnlyThatShopsEntries()
    {
        await using var server = await InProcessServer.StartAsync();
        await server.Api.CreateShopAsync("shop-a");
        await server.Api.CreateShopAsync("shop-b");
        using var cancel = new CancellationTokenSource();
        var watch = await WatchedAsync(server, new WatchJobsRequest { ShopCode = "shop-a" }, () => Requests.Diagnostics(shop: "shop-a", steps: 0), cancel.Token);

        // Same category (the shops' default), so shop-b's entry is over before the marker ends.
        var other = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(shop: "shop-b", steps: 0));
        var marker = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(shop: "shop-a", steps: 0));
        var seen = await watch.ReadUntilAsync(r => r.Event.JobId == marker && r.Event.KindCase == JobEvent.KindOneofCase.Completed);
        await cancel.CancelAsync();

        Assert.DoesNotContain(seen, r => r.Event.JobId == other);
        Assert.All(seen, r => Assert.Equal("shop-a", r.ShopCode));
        Assert.Contains(seen, r => r.Event.JobId == marker && r.Event.KindCase == JobEvent.KindOneofCase.Started);
        Assert.All(seen.Where(r => r.Event.JobId == marker), r => Assert.Equal(Requests.DiagnosticsReportId, r.ReportId));
    }

    [Fact]
    public async Task WatchJobs_FilteredByCategory_SeesOnlyThatCategorysEntries()
    {
        await using var server = await InProcessServer.StartAsync();
        using var cancel = new CancellationTokenSource();
        var watch = await WatchedAsync(server, new WatchJobsRequest { CategoryCode = "CAT-A" }, () => Requests.Diagnostics(category: "CAT-A", steps: 0), cancel.Token);

        var other = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(category: "CAT-B", steps: 0));
        await server.Api.WaitForStatusAsync(other, JobStatus.Finished);
        var marker = await server.Api.EnqueueBackgroundAsync(Requests.Diagnostics(category: "CAT-A", steps: 0));
        var seen = await watch.ReadUntilAsync(r => r.Event.JobId == marker && r.Event.KindCase == JobEvent.KindOneofCase.Completed);
        await cancel.CancelAsync();

        Assert.DoesNotContain(seen, r => r.Event.JobId == other);
        Assert.All(seen, r => Assert.Equal("CAT-A", r.CategoryCode));
    }

    private static List<(long, JobEvent.KindOneofCase)> NotProgress(IEnumerable<JobEvent> events) =>
        [.. events.Where(e => e.KindCase != JobEvent.KindOneofCase.Progress).Select(e => (e.Sequence, e.KindCase))];

    /// <summary>
    /// Opens WatchJobs and makes sure the server has subscribed: the stream sends nothing until an event
    /// matches, so matching probe entries are queued until one shows up.
    /// </summary>
    private static async Task<WatchReader> WatchedAsync(
        InProcessServer server, WatchJobsRequest filter, Func<EnqueueJobRequest> probe, CancellationToken cancellationToken)
    {
        var reader = new WatchReader(server.Api.WatchJobs(filter, cancellationToken));
        await Eventually.TrueAsync(
            async () =>
            {
                if (reader.Received.Reader.TryPeek(out _))
                {
                    return true;
                }
                await server.Api.EnqueueBackgroundAsync(probe());
                return false;
            },
            "WatchJobs to deliver a probe entry's event",
            TestTimeouts.Signal);
        return reader;
    }

    /// <summary>Reads a WatchJobs stream in the background into a channel.</summary>
    private sealed class WatchReader
    {
        public WatchReader(StreamingCall<WatchJobsResponse> call)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var r in call)
                    {
                        await Received.Writer.WriteAsync(r);
                    }
                    Received.Writer.TryComplete();
                }
                catch (Exception e)
                {
                    Received.Writer.TryComplete(e);
                }
                finally
                {
                    call.Dispose();
                }
            });
        }

        public Channel<WatchJobsResponse> Received { get; } = Channel.CreateUnbounded<WatchJobsResponse>();

        public async Task<List<WatchJobsResponse>> ReadUntilAsync(Func<WatchJobsResponse, bool> last)
        {
            var seen = new List<WatchJobsResponse>();
            using var deadline = new CancellationTokenSource(TestTimeouts.Signal);
            while (true)
            {
                WatchJobsResponse r;
                try
                {
                    r = await Received.Reader.ReadAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException("WatchJobs did not deliver the expected event; seen:\n" + string.Join("\n", seen));
                }
                seen.Add(r);
                if (last(r))
                {
                    return seen;
                }
            }
        }
    }
}
