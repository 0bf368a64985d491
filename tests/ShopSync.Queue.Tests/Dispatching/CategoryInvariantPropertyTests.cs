using System.Collections.Concurrent;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Handlers;
using ShopSync.Queue.Tests.Support;
using ShopSync.Testing;

namespace ShopSync.Queue.Tests.Dispatching;

/// <summary>
/// Random concurrent workloads through the real dispatcher on a SQLite file. The handlers themselves count how
/// many entries of their category run at once; the category rule holds if that never exceeds one.
/// </summary>
public sealed class CategoryInvariantPropertyTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RandomWorkload_NeverTwoInProcessPerCategory(int seed)
    {
        var inCategory = new ConcurrentDictionary<string, int>();
        var violations = 0;
        var runs = 0;
        await using var host = await EngineHost.StartAsync(
            s => s.AddReportHandler(new DelegateHandler(1, async (c, t) =>
            {
                var category = c.Job.CategoryCode;
                if (inCategory.AddOrUpdate(category, 1, (_, n) => n + 1) > 1)
                {
                    Interlocked.Increment(ref violations);
                }

                Interlocked.Increment(ref runs);
                try
                {
                    await Task.Yield();
                    if (c.GetOption("sleep") == "1")
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(2), t);
                    }

                    return c.GetOption("fail") == "1" && c.Attempt == 1 ? ReportOutcome.Failure("planned") : ReportOutcome.Success();
                }
                finally
                {
                    inCategory.AddOrUpdate(category, 0, (_, n) => n - 1);
                }
            }, maxAttempts: 2)),
            o => o.MaxConcurrency = 4);

        var ids = new ConcurrentBag<Guid>();
        var producers = Enumerable.Range(0, 4).Select(p => Task.Run(async () =>
        {
            var local = new Random(seed * 100 + p);
            for (var i = 0; i < 60; i++)
            {
                var request = new EnqueueRequest
                {
                    ReportId = 1,
                    CategoryCode = "C" + local.Next(3),
                    Priority = local.Next(3),
                    Options = [new("fail", local.Next(5) == 0 ? "1" : "0"), new("sleep", local.Next(3) == 0 ? "1" : "0")],
                    OnHold = local.Next(10) == 0,
                };
                var job = await host.Queue.EnqueueAsync(request, Ct);
                ids.Add(job.Id);
                switch (local.Next(12))
                {
                    case 0:
                        // The entry may already have run and finished: cancelling it then is refused.
                        await TryAsync(() => host.Queue.CancelAsync(job.Id, TimeSpan.FromSeconds(30), Ct));
                        break;
                    case 1:
                        await TryAsync(() => host.Queue.HoldAsync(job.Id, Ct));
                        await TryAsync(() => host.Queue.SetReadyAsync(job.Id, Ct));
                        break;
                }
            }
        })).ToArray();
        await Task.WhenAll(producers);

        foreach (var id in ids)
        {
            var job = await host.Queue.GetAsync(id, Ct);
            if (job.Status == JobStatus.OnHold)
            {
                await host.Queue.SetReadyAsync(id, Ct);
            }
        }

        foreach (var id in ids)
        {
            await Eventually.ReachAsync(() => host.Queue.GetAsync(id, Ct), j => j.Status is JobStatus.Finished or JobStatus.Error, TimeSpan.FromSeconds(60));
        }

        Assert.Equal(0, violations);
        Assert.True(runs > 0);
    }

    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Errors.JobStateException)
        {
            // The entry moved on (finished) between the calls: an allowed outcome of the race.
        }
    }
}
