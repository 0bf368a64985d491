using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Tests.Support;
using ShopSync.Testing;

namespace ShopSync.Queue.Tests.Controls;

/// <summary>A watch of a finished entry ends, whatever point of its history it resumes from.</summary>
public sealed class WatchEndTests
{
    private const int ReportId = 61;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Watch_AfterTheLastSequenceOfAFinishedEntry_EndsWithoutEvents()
    {
        await using var host = await EngineHost.StartAsync(s => s.AddReportHandler(new DelegateHandler(ReportId, (c, t) => Task.FromResult(ReportOutcome.Success()))));
        var finished = await RunToEndAsync(host);

        var events = await CollectWithinAsync(host.Queue.WatchAsync(finished.Id, finished.LastEventSequence, Ct));

        Assert.Empty(events);
    }

    [Fact]
    public async Task Watch_ResumingWhereExactlyOneFullHistoryPageRemains_EndsAtTheCompletion()
    {
        // 600 flushed progress reports make a history longer than the 500-event page, so resuming 500 events
        // before the end reads one full page ending with the completion, then an empty page.
        await using var host = await EngineHost.StartAsync(s => s.AddReportHandler(new DelegateHandler(ReportId, async (c, t) =>
        {
            for (var i = 0; i < 600; i++)
            {
                c.Progress.Report(i % 100);
                await c.Progress.FlushAsync(t);
            }

            return ReportOutcome.Success();
        })));
        var finished = await RunToEndAsync(host);
        Assert.True(finished.LastEventSequence > 500, $"history of {finished.LastEventSequence} events");

        var events = await CollectWithinAsync(host.Queue.WatchAsync(finished.Id, finished.LastEventSequence - 500, Ct));

        Assert.Equal(500, events.Count);
        Assert.IsType<JobCompleted>(events[^1].Data);
    }

    private static async Task<Job> RunToEndAsync(EngineHost host)
    {
        var job = await host.Queue.EnqueueAsync(new EnqueueRequest { ReportId = ReportId }, Ct);
        return await Eventually.ReachAsync(() => host.Queue.GetAsync(job.Id, Ct), j => j.Status == JobStatus.Finished);
    }

    /// <summary>Collects the stream; a stream still open after 15 s fails the test instead of hanging it.</summary>
    private static async Task<List<JobEvent>> CollectWithinAsync(IAsyncEnumerable<JobEvent> stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var list = new List<JobEvent>();
        try
        {
            await foreach (var item in stream.WithCancellation(timeout.Token))
            {
                list.Add(item);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Assert.Fail($"The watch did not end after {list.Count} events.");
        }

        return list;
    }
}
