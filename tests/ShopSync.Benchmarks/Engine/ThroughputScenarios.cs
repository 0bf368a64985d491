using System.Diagnostics;
using ShopSync.Contracts.V1;

namespace ShopSync.Benchmarks.Engine;

/// <summary>Enqueue and processing throughput, and memory with a large queue.</summary>
internal static class ThroughputScenarios
{
    /// <summary>How often the run polls its last entries for completion (bounded by the scenario deadline).</summary>
    private static readonly TimeSpan CompletionPollInterval = TimeSpan.FromMilliseconds(250);

    private const int BulkChunk = 5_000;
    private const int BulkCallers = 4;

    /// <summary>Single EnqueueJob calls (background) from many concurrent callers. The entries are due tomorrow so only enqueueing is measured.</summary>
    public static async Task<double> SingleEnqueuePerSecondAsync(
        EngineNodes server, EngineClient client, int total, int callers, CancellationToken cancellationToken)
    {
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1);
        await RunCallersAsync(client, 500, callers, tomorrow, cancellationToken);
        var cpuBefore = server.CpuSeconds();
        var clock = Stopwatch.StartNew();
        await RunCallersAsync(client, total, callers, tomorrow, cancellationToken);
        var rate = total / clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"single enqueue: server CPU {(server.CpuSeconds() - cpuBefore) * 1e6 / total:F0} µs per call");
        return rate;
    }

    /// <summary>Entries queued (untimed) before the bulk run, so it measures a warm server whatever ran before it.</summary>
    public static int BulkWarmUp(int total) => Math.Max(BulkChunk, total / 10);

    /// <summary>
    /// EnqueueJobs calls of <see cref="BulkChunk"/> entries, a few callers at once; due tomorrow. A warm-up of
    /// <see cref="BulkWarmUp"/> entries runs first: a cold server spent a third of its CPU in the JIT (tiering the
    /// bulk path's loops) during the first 200,000 entries, which measured the start-up rather than the enqueue path.
    /// </summary>
    public static async Task<double> BulkEnqueuePerSecondAsync(EngineNodes server, EngineClient client, int total, CancellationToken cancellationToken)
    {
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1);
        await EnqueueBulkAsync(client, BulkWarmUp(total), i => EngineClient.NoOp("BULK" + (i % 100), tomorrow), cancellationToken);
        var cpuBefore = server.CpuSeconds();
        var clock = Stopwatch.StartNew();
        await EnqueueBulkAsync(client, total, i => EngineClient.NoOp("BULK" + (i % 100), tomorrow), cancellationToken);
        var rate = total / clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"bulk enqueue: server CPU {(server.CpuSeconds() - cpuBefore) * 1e6 / total:F1} µs per entry");
        return rate;
    }

    /// <summary>
    /// No-op entries spread over categories, all due at one instant T0 in the near future (so enqueueing is not
    /// measured). The last entry of each category is queued last; the run ends when those have ended. Rate =
    /// count / (latest EndedAt − T0), both server timestamps.
    /// </summary>
    public static async Task<double> ProcessPerSecondAsync(
        EngineNodes server, EngineClient client, string prefix, int count, int categories, CancellationToken cancellationToken)
    {
        var due = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2 + count / 25_000.0);
        await EnqueueBulkAsync(client, count - categories, i => EngineClient.NoOp(prefix + (i % categories), due), cancellationToken);
        var last = await client.EnqueueManyAsync(Enumerable.Range(0, categories).Select(c => EngineClient.NoOp(prefix + c, due)), cancellationToken);
        if (DateTimeOffset.UtcNow > due)
        {
            Console.Error.WriteLine($"warning: enqueueing {count} entries ended after their due time; the rate includes part of it");
        }

        var wait = due - DateTimeOffset.UtcNow - TimeSpan.FromMilliseconds(20);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }

        var cpuBefore = server.CpuSeconds();
        var writerBefore = server.WriterCpuSeconds();
        var pending = new HashSet<string>(last);
        var latestEnd = DateTimeOffset.MinValue;
        var deadline = Stopwatch.StartNew();
        while (pending.Count > 0)
        {
            await Task.Delay(CompletionPollInterval, cancellationToken);
            foreach (var id in pending.ToArray())
            {
                var job = await client.GetAsync(id, cancellationToken);
                if (job.Status is JobStatus.Finished or JobStatus.Error)
                {
                    latestEnd = job.EndedAt.ToDateTimeOffset() > latestEnd ? job.EndedAt.ToDateTimeOffset() : latestEnd;
                    pending.Remove(id);
                }
            }

            if (deadline.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"{pending.Count} categories did not finish within 10 minutes");
            }
        }

        Console.Error.WriteLine(
            $"{prefix}: server CPU {(server.CpuSeconds() - cpuBefore) * 1e6 / count:F0} µs per entry processed, " +
            $"writer thread {(server.WriterCpuSeconds() - writerBefore) * 1e6 / count:F0} µs");
        return count / (latestEnd - due).TotalSeconds;
    }

    /// <summary>Queues (due tomorrow) until the server holds <paramref name="queued"/> queued entries; returns its RSS in MB.</summary>
    public static async Task<double> ResidentWithQueueAsync(EngineNodes server, EngineClient client, int toAdd, CancellationToken cancellationToken)
    {
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1);
        await EnqueueBulkAsync(client, toAdd, i => EngineClient.NoOp("RSS" + (i % 100), tomorrow), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        return server.ResidentMegabytes();
    }

    private static async Task EnqueueBulkAsync(EngineClient client, int total, Func<int, EnqueueJobRequest> make, CancellationToken cancellationToken)
    {
        var next = -1;
        var callers = Enumerable.Range(0, BulkCallers).Select(async _ =>
        {
            while (true)
            {
                var start = Interlocked.Add(ref next, BulkChunk) - BulkChunk + 1;
                if (start >= total)
                {
                    return;
                }

                var end = Math.Min(total, start + BulkChunk);
                await client.EnqueueManyAsync(Enumerable.Range(start, end - start).Select(make), cancellationToken);
            }
        });
        await Task.WhenAll(callers);
    }

    private static async Task RunCallersAsync(EngineClient client, int total, int callers, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var next = -1;
        var tasks = Enumerable.Range(0, callers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                await client.EnqueueAsync(EngineClient.NoOp("SINGLE" + (i % 100), due), cancellationToken);
            }
        });
        await Task.WhenAll(tasks);
    }
}
